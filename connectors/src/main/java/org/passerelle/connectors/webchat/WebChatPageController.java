package org.passerelle.connectors.webchat;

import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** Serves the chat page at {@code /chat}; its script and style are static files beside it. */
@Controller
class WebChatPageController {

    private static final Resource PAGE = new ClassPathResource("static/chat/index.html");

    @GetMapping({"/chat", "/chat/"})
    ResponseEntity<Resource> page() {
        // Nothing of the page is kept by the browser or a proxy: a shared phone shows no trace.
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .contentType(MediaType.TEXT_HTML)
                .body(PAGE);
    }
}

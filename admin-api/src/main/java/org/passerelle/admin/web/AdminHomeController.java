package org.passerelle.admin.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/** The admins' start page: one card per part of the administration. */
@Controller
@AdminPage
class AdminHomeController {

    @GetMapping("/admin")
    String home() {
        return "admin/index";
    }
}

/*
 * Web chat page. Talks only to this server: POST /webchat/api/messages for each turn and an
 * EventSource on /webchat/api/conversations/{id}/events for later replies. The conversation
 * id lives in sessionStorage only, so a reload continues and closing the tab forgets it.
 * Every text from the server goes into the page through textContent, never as HTML.
 */
(function () {
  'use strict';

  var API = '/webchat/api';
  var MAX_LENGTH = 2000;
  var COUNT_FROM = 1800;
  var EXIT_URL = 'https://www.google.com/search?q=meteo+paris';
  var ESCAPE_WINDOW_MS = 1000;
  var REQUEST_TIMEOUT_MS = 30000;
  var LOST_NOTICE_DELAY_MS = 3000;
  var MAX_RETRY_DELAY_MS = 30000;
  var FRESH_CONVERSATION_MS = 10000;
  var KEY_ID = 'chat.conversation';
  var KEY_LANGUAGE = 'chat.language';
  var KEY_DIRECTION = 'chat.direction';

  var STRINGS = {
    fr: {
      exit: 'Sortie rapide',
      exitHint: 'Quitter cette page tout de suite (ou appuyez deux fois sur Échap)',
      inputLabel: 'Votre message',
      placeholder: 'Écrivez votre message…',
      send: 'Envoyer',
      messages: 'Conversation',
      you: 'Vous :',
      bot: 'Passerelle :',
      lost: 'Connexion perdue, nouvelle tentative…',
      failed: 'L’envoi a échoué. Réessayez.',
      tooLong: 'Message trop long ({max} caractères au maximum).',
      tooMany: 'Trop de messages à la suite. Attendez un instant, puis réessayez.',
      unavailable: 'Service momentanément indisponible. Réessayez dans un instant.',
      restarted: 'La conversation précédente est terminée. Une nouvelle commence.',
      resumed: 'La conversation continue. Écrivez votre message ci-dessous.'
    },
    en: {
      exit: 'Quick exit',
      exitHint: 'Leave this page now (or press Esc twice)',
      inputLabel: 'Your message',
      placeholder: 'Write your message…',
      send: 'Send',
      messages: 'Conversation',
      you: 'You:',
      bot: 'Passerelle:',
      lost: 'Connection lost, retrying…',
      failed: 'Sending failed. Please try again.',
      tooLong: 'Message too long ({max} characters at most).',
      tooMany: 'Too many messages in a row. Wait a moment, then try again.',
      unavailable: 'Service briefly unavailable. Try again in a moment.',
      restarted: 'The previous conversation has ended. A new one is starting.',
      resumed: 'The conversation continues. Write your message below.'
    },
    es: {
      exit: 'Salida rápida',
      exitHint: 'Salir de esta página ahora mismo (o pulse Esc dos veces)',
      inputLabel: 'Su mensaje',
      placeholder: 'Escriba su mensaje…',
      send: 'Enviar',
      messages: 'Conversación',
      you: 'Usted:',
      bot: 'Passerelle:',
      lost: 'Conexión perdida, reintentando…',
      failed: 'No se pudo enviar. Inténtelo de nuevo.',
      tooLong: 'Mensaje demasiado largo ({max} caracteres como máximo).',
      tooMany: 'Demasiados mensajes seguidos. Espere un momento y vuelva a intentarlo.',
      unavailable: 'Servicio no disponible por el momento. Inténtelo de nuevo en un instante.',
      restarted: 'La conversación anterior ha terminado. Empieza una nueva.',
      resumed: 'La conversación continúa. Escriba su mensaje abajo.'
    },
    pt: {
      exit: 'Saída rápida',
      exitHint: 'Sair desta página agora (ou aperte Esc duas vezes)',
      inputLabel: 'Sua mensagem',
      placeholder: 'Escreva sua mensagem…',
      send: 'Enviar',
      messages: 'Conversa',
      you: 'Você:',
      bot: 'Passerelle:',
      lost: 'Conexão perdida, tentando novamente…',
      failed: 'Falha no envio. Tente novamente.',
      tooLong: 'Mensagem longa demais (no máximo {max} caracteres).',
      tooMany: 'Muitas mensagens seguidas. Aguarde um momento e tente novamente.',
      unavailable: 'Serviço indisponível no momento. Tente novamente daqui a pouco.',
      restarted: 'A conversa anterior terminou. Uma nova está começando.',
      resumed: 'A conversa continua. Escreva sua mensagem abaixo.'
    },
    ro: {
      exit: 'Ieșire rapidă',
      exitHint: 'Părăsiți imediat această pagină (sau apăsați Esc de două ori)',
      inputLabel: 'Mesajul dumneavoastră',
      placeholder: 'Scrieți mesajul…',
      send: 'Trimite',
      messages: 'Conversație',
      you: 'Dumneavoastră:',
      bot: 'Passerelle:',
      lost: 'Conexiune pierdută, se reîncearcă…',
      failed: 'Trimiterea a eșuat. Încercați din nou.',
      tooLong: 'Mesaj prea lung (cel mult {max} de caractere).',
      tooMany: 'Prea multe mesaje la rând. Așteptați puțin, apoi încercați din nou.',
      unavailable: 'Serviciu indisponibil momentan. Încercați din nou în câteva clipe.',
      restarted: 'Conversația anterioară s-a încheiat. Începe una nouă.',
      resumed: 'Conversația continuă. Scrieți mesajul mai jos.'
    },
    bg: {
      exit: 'Бърз изход',
      exitHint: 'Напуснете тази страница веднага (или натиснете Esc два пъти)',
      inputLabel: 'Вашето съобщение',
      placeholder: 'Напишете съобщението си…',
      send: 'Изпрати',
      messages: 'Разговор',
      you: 'Вие:',
      bot: 'Passerelle:',
      lost: 'Връзката прекъсна, опитваме отново…',
      failed: 'Изпращането не успя. Опитайте отново.',
      tooLong: 'Съобщението е твърде дълго (най-много {max} знака).',
      tooMany: 'Твърде много съобщения едно след друго. Изчакайте малко и опитайте отново.',
      unavailable: 'Услугата е временно недостъпна. Опитайте отново след малко.',
      restarted: 'Предишният разговор приключи. Започва нов.',
      resumed: 'Разговорът продължава. Напишете съобщението си по-долу.'
    },
    ar: {
      exit: 'خروج سريع',
      exitHint: 'مغادرة هذه الصفحة فورًا (أو الضغط على Esc مرتين)',
      inputLabel: 'رسالتك',
      placeholder: 'رسالتك هنا…',
      send: 'إرسال',
      messages: 'المحادثة',
      you: 'أنت:',
      bot: 'Passerelle:',
      lost: 'انقطع الاتصال، جارٍ إعادة المحاولة…',
      failed: 'تعذّر الإرسال. يُرجى إعادة المحاولة.',
      tooLong: 'الرسالة طويلة جدًا (الحد الأقصى {max} حرف).',
      tooMany: 'رسائل كثيرة متتالية. يُرجى الانتظار قليلًا ثم إعادة المحاولة.',
      unavailable: 'الخدمة غير متاحة مؤقتًا. يُرجى إعادة المحاولة بعد قليل.',
      restarted: 'انتهت المحادثة السابقة. تبدأ الآن محادثة جديدة.',
      resumed: 'المحادثة مستمرة. يمكنك الكتابة في الأسفل.'
    },
    zh: {
      exit: '快速离开',
      exitHint: '立即离开此页面（或连按两次 Esc）',
      inputLabel: '您的消息',
      placeholder: '输入您的消息…',
      send: '发送',
      messages: '对话',
      you: '您：',
      bot: 'Passerelle：',
      lost: '连接已断开，正在重试…',
      failed: '发送失败，请重试。',
      tooLong: '消息太长（最多 {max} 个字符）。',
      tooMany: '消息发送过于频繁，请稍候再试。',
      unavailable: '服务暂时不可用，请稍后再试。',
      restarted: '之前的对话已结束，现在开始新的对话。',
      resumed: '对话仍在继续，请在下方输入消息。'
    }
  };

  var root = document.documentElement;
  var app = document.getElementById('app');
  var thread = document.getElementById('thread');
  var list = document.getElementById('messages');
  var notice = document.getElementById('notice');
  var form = document.getElementById('composer');
  var input = document.getElementById('input');
  var inputLabel = document.getElementById('input-label');
  var count = document.getElementById('count');
  var sendButton = document.getElementById('send');
  var exitButton = document.getElementById('exit');

  // sessionStorage can be unavailable (storage disabled); then the id lives for this page only.
  var memory = {};
  var store = {
    get: function (key) {
      try { return window.sessionStorage.getItem(key); } catch (e) { return memory[key] || null; }
    },
    set: function (key, value) {
      memory[key] = value;
      try { window.sessionStorage.setItem(key, value); } catch (e) { /* memory copy suffices */ }
    },
    remove: function (key) {
      delete memory[key];
      try { window.sessionStorage.removeItem(key); } catch (e) { /* nothing stored */ }
    },
    clear: function () {
      memory = {};
      try { window.sessionStorage.clear(); } catch (e) { /* nothing stored */ }
    }
  };

  var conversationId = store.get(KEY_ID);
  var conversationSince = 0;
  var language = 'fr';
  var busy = false;
  var activeOptions = null;
  var typing = null;
  var noticeState = null;
  var events = null;
  var reconnectTimer = 0;
  var lostTimer = 0;
  var greetTimer = 0;
  var retries = 0;
  var greetAttempts = 0;
  var lastEscape = 0;
  var stickToBottom = true;
  var leaving = false;

  function strings() {
    return STRINGS[language] || STRINGS.fr;
  }

  function t(key) {
    var value = strings()[key] || STRINGS.fr[key] || '';
    return value.replace('{max}', String(MAX_LENGTH));
  }

  function baseLanguage(tag) {
    if (typeof tag !== 'string' || !tag) {
      return null;
    }
    var base = tag.toLowerCase().split(/[-_]/)[0];
    return STRINGS[base] ? base : null;
  }

  // tag and direction as the server gives them; a missing tag keeps the current language and
  // an unknown one gets the French page strings.
  function applyLanguage(tag, direction) {
    if (typeof tag === 'string' && /^[A-Za-z]{2,3}([-_][A-Za-z0-9]{1,8})*$/.test(tag)) {
      language = baseLanguage(tag) || 'fr';
      root.lang = tag.replace(/_/g, '-');
      store.set(KEY_LANGUAGE, root.lang);
    }
    if (direction !== 'rtl' && direction !== 'ltr') {
      direction = language === 'ar' ? 'rtl' : 'ltr';
    }
    root.dir = direction;
    store.set(KEY_DIRECTION, direction);
    exitButton.textContent = t('exit');
    exitButton.title = t('exitHint');
    inputLabel.textContent = t('inputLabel');
    input.placeholder = t('placeholder');
    sendButton.textContent = t('send');
    list.setAttribute('aria-label', t('messages'));
    if (noticeState) {
      notice.textContent = t(noticeState.key);
    }
  }

  // Notices: one short line above the input, in the conversation's language.

  function showNotice(key, kind) {
    noticeState = { key: key, kind: kind };
    notice.className = kind === 'error' ? 'notice error' : 'notice';
    notice.textContent = t(key);
  }

  function clearNotice(key) {
    if (!noticeState || (key && noticeState.key !== key)) {
      return;
    }
    noticeState = null;
    notice.className = 'notice';
    notice.textContent = '';
  }

  // Messages

  function nearBottom() {
    return thread.scrollHeight - thread.scrollTop - thread.clientHeight < 48;
  }

  function scrollToBottom() {
    thread.scrollTop = thread.scrollHeight;
    stickToBottom = true;
  }

  // Show the newest messages; a long reply is shown from its first line rather than its last.
  function reveal(first) {
    var bottom = thread.scrollHeight - thread.clientHeight;
    var target = bottom;
    if (first && first.offsetTop - 12 < bottom) {
      target = Math.max(0, first.offsetTop - 12);
    }
    thread.scrollTop = target;
    stickToBottom = nearBottom();
  }

  function append(item) {
    if (typing && typing.parentNode === list) {
      list.insertBefore(item, typing);
    } else {
      list.appendChild(item);
    }
    return item;
  }

  function message(who, text) {
    var item = document.createElement('li');
    item.className = 'msg msg-' + who;
    var label = document.createElement('span');
    label.className = 'visually-hidden';
    label.textContent = t(who === 'me' ? 'you' : 'bot') + ' ';
    item.appendChild(label);
    if (text) {
      var bubble = document.createElement('p');
      bubble.className = 'bubble';
      bubble.dir = 'auto';
      bubble.textContent = text;
      item.appendChild(bubble);
    }
    return append(item);
  }

  function setOptionsEnabled(group, enabled) {
    if (!group) {
      return;
    }
    var buttons = group.querySelectorAll('button');
    for (var i = 0; i < buttons.length; i++) {
      buttons[i].disabled = !enabled;
    }
  }

  function activate(group) {
    if (activeOptions && activeOptions !== group) {
      setOptionsEnabled(activeOptions, false);
    }
    activeOptions = group;
    setOptionsEnabled(group, !busy);
  }

  // After a turn: buttons that arrived meanwhile are the latest and stay usable; otherwise the
  // buttons she had before come back only if her message did not go through.
  function settleOptions(previous, restore) {
    if (activeOptions && activeOptions !== previous) {
      setOptionsEnabled(activeOptions, true);
    } else {
      setOptionsEnabled(previous, restore);
    }
  }

  function asText(value) {
    return value === null || value === undefined ? '' : String(value);
  }

  function addReply(reply) {
    if (!reply || typeof reply !== 'object') {
      return null;
    }
    var options = Array.isArray(reply.options) ? reply.options.filter(function (option) {
      return option && asText(option.key) !== '';
    }) : [];
    var text = asText(reply.text);
    if (!text && !options.length) {
      return null;
    }
    var item = message('bot', text);
    if (options.length) {
      var group = document.createElement('div');
      group.className = 'options';
      group.setAttribute('role', 'group');
      options.forEach(function (option) {
        var button = document.createElement('button');
        button.type = 'button';
        button.className = 'option';
        button.dir = 'auto';
        var label = asText(option.label) || asText(option.key);
        button.textContent = label;
        button.addEventListener('click', function (event) {
          choose(group, asText(option.key), label, event.detail === 0);
        });
        group.appendChild(button);
      });
      item.appendChild(group);
      activate(group);
    }
    return item;
  }

  function addReplies(replies) {
    var first = null;
    (Array.isArray(replies) ? replies : []).forEach(function (reply) {
      var item = addReply(reply);
      first = first || item;
    });
    return first;
  }

  function showTyping() {
    if (typing) {
      return;
    }
    typing = document.createElement('li');
    typing.className = 'msg msg-bot typing';
    typing.setAttribute('aria-hidden', 'true');
    var bubble = document.createElement('div');
    bubble.className = 'bubble';
    for (var i = 0; i < 3; i++) {
      var dot = document.createElement('span');
      dot.className = 'dot';
      bubble.appendChild(dot);
    }
    typing.appendChild(bubble);
    list.appendChild(typing);
  }

  function hideTyping() {
    if (typing && typing.parentNode) {
      typing.parentNode.removeChild(typing);
    }
    typing = null;
  }

  // Sending

  function setBusy(value) {
    busy = value;
    sendButton.disabled = value;
    if (value) {
      input.setAttribute('aria-busy', 'true');
    } else {
      input.removeAttribute('aria-busy');
    }
  }

  function post(text) {
    var body = { text: text };
    if (conversationId) {
      body.conversationId = conversationId;
    }
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    var timer = controller ? setTimeout(function () { controller.abort(); }, REQUEST_TIMEOUT_MS) : 0;
    return fetch(API + '/messages', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Accept': 'application/json' },
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.json().catch(function () { return null; }).then(function (data) {
        return { status: response.status, data: data };
      });
    }).catch(function () {
      return { status: 0, data: null };
    }).then(function (result) {
      clearTimeout(timer);
      return result;
    });
  }

  function failureNotice(status, text) {
    if (status === 400 && text.length > MAX_LENGTH) {
      return 'tooLong';
    }
    if (status === 429) {
      return 'tooMany';
    }
    if (status === 503) {
      return 'unavailable';
    }
    return 'failed';
  }

  // Sends one turn. shown is her own bubble (null for the silent greeting). Resolves to true
  // when the server answered; on failure everything shown for this turn is taken back.
  function send(text, shown) {
    if (busy || leaving) {
      return Promise.resolve(false);
    }
    setBusy(true);
    clearNotice();
    var previousOptions = activeOptions;
    setOptionsEnabled(previousOptions, false);
    var mine = shown ? message('me', shown) : null;
    showTyping();
    scrollToBottom();
    var hadConversation = !!conversationId;
    var renewed = false;

    return post(text).then(function (result) {
      if (leaving) {
        return false;
      }
      // The conversation is gone (erased or expired): start a new one with the same text.
      if (result.status === 404 && hadConversation) {
        forgetConversation();
        renewed = true;
        return post(text);
      }
      return result;
    }).then(function (result) {
      if (leaving || result === false) {
        return false;
      }
      hideTyping();
      setBusy(false);
      var data = result.data;
      if (result.status >= 200 && result.status < 300 && data && typeof data.conversationId === 'string') {
        adopt(data.conversationId);
        applyLanguage(data.language, data.direction);
        var first = addReplies(data.replies);
        if (first) {
          reveal(first);
        } else {
          scrollToBottom();
        }
        settleOptions(previousOptions, false);
        if (renewed) {
          showNotice('restarted', 'info');
        }
        return true;
      }
      if (mine && mine.parentNode) {
        mine.parentNode.removeChild(mine);
      }
      settleOptions(previousOptions, true);
      showNotice(failureNotice(result.status, text), 'error');
      return false;
    });
  }

  function submit() {
    var text = input.value.trim();
    if (!text || busy) {
      return;
    }
    if (text.length > MAX_LENGTH) {
      showNotice('tooLong', 'error');
      return;
    }
    clearTimeout(greetTimer);
    input.value = '';
    resizeInput();
    updateCount();
    send(text, text).then(function (sent) {
      if (!sent && !leaving) {
        // Keep what she typed; anything typed meanwhile goes after it.
        input.value = input.value ? text + '\n' + input.value : text;
        resizeInput();
        updateCount();
      }
    });
  }

  function choose(group, key, label, byKeyboard) {
    if (busy || group !== activeOptions || !key) {
      return;
    }
    send(key, label).then(function (sent) {
      // The pressed button is now disabled: move keyboard focus to the next choice or the input.
      var current = document.activeElement;
      if (byKeyboard && (!current || current === document.body || current.disabled)) {
        var next = activeOptions && activeOptions.querySelector('button:not(:disabled)');
        (next || input).focus({ preventScroll: true });
      }
      return sent;
    });
  }

  function greet() {
    clearTimeout(greetTimer);
    greetAttempts++;
    send('start', null).then(function (sent) {
      // A brief outage at first load: try again a few times, unless she has started typing.
      if (!sent && !conversationId && !leaving && greetAttempts < 3) {
        greetTimer = setTimeout(function () {
          if (!conversationId && !busy && !input.value.trim()) {
            greet();
          }
        }, 4000 * greetAttempts);
      }
    });
  }

  // Conversation id and event stream

  function adopt(id) {
    if (id === conversationId && events) {
      return;
    }
    if (id !== conversationId) {
      conversationId = id;
      conversationSince = Date.now();
      store.set(KEY_ID, id);
    }
    openEvents();
  }

  function forgetConversation() {
    closeEvents();
    conversationId = null;
    conversationSince = 0;
    store.remove(KEY_ID);
  }

  function closeEvents() {
    clearTimeout(reconnectTimer);
    clearTimeout(lostTimer);
    if (events) {
      events.close();
      events = null;
    }
  }

  function eventsUrl(id) {
    return API + '/conversations/' + encodeURIComponent(id) + '/events';
  }

  function openEvents() {
    closeEvents();
    if (!conversationId || typeof window.EventSource !== 'function' || leaving) {
      return;
    }
    var id = conversationId;
    var source = new EventSource(eventsUrl(id));
    events = source;
    source.addEventListener('open', function () {
      if (events !== source) {
        return;
      }
      retries = 0;
      clearTimeout(lostTimer);
      clearNotice('lost');
    });
    source.addEventListener('reply', function (event) {
      if (events !== source) {
        return;
      }
      var reply;
      try {
        reply = JSON.parse(event.data);
      } catch (e) {
        return;
      }
      var follow = stickToBottom || nearBottom();
      var item = addReply(reply);
      if (item && follow) {
        reveal(item);
      }
    });
    source.addEventListener('error', function () {
      if (events !== source) {
        return;
      }
      if (source.readyState === 2) {
        // The browser gave up (an error status): find out whether the conversation still exists.
        source.close();
        events = null;
        probe(id);
      } else {
        announceLostSoon();
      }
    });
  }

  function announceLostSoon() {
    clearTimeout(lostTimer);
    lostTimer = setTimeout(function () {
      if (!noticeState || noticeState.key === 'lost' || noticeState.key === 'resumed') {
        showNotice('lost', 'info');
      }
    }, LOST_NOTICE_DELAY_MS);
  }

  function probe(id) {
    var controller = typeof AbortController === 'function' ? new AbortController() : null;
    fetch(eventsUrl(id), {
      headers: { 'Accept': 'text/event-stream' },
      credentials: 'omit',
      cache: 'no-store',
      signal: controller ? controller.signal : undefined
    }).then(function (response) {
      return response.status;
    }).catch(function () {
      return 0;
    }).then(function (status) {
      if (controller) {
        controller.abort();
      }
      if (id !== conversationId || leaving) {
        return;
      }
      var fresh = Date.now() - conversationSince < FRESH_CONVERSATION_MS;
      if (status === 404 && !fresh) {
        startOver();
        return;
      }
      announceLostSoon();
      var delay = Math.min(MAX_RETRY_DELAY_MS, 1000 * Math.pow(2, retries));
      retries++;
      reconnectTimer = setTimeout(openEvents, delay);
    });
  }

  function startOver() {
    if (busy) {
      reconnectTimer = setTimeout(startOver, 1000);
      return;
    }
    forgetConversation();
    activeOptions = null;
    list.textContent = '';
    greetAttempts = 0;
    greet();
    showNotice('restarted', 'info');
  }

  // Quick exit: forget everything and leave without a way back.

  function quickExit() {
    if (leaving) {
      return;
    }
    leaving = true;
    store.clear();
    closeEvents();
    clearTimeout(greetTimer);
    conversationId = null;
    try {
      list.textContent = '';
      input.value = '';
      notice.textContent = '';
    } catch (e) {
      /* leave anyway */
    }
    window.location.replace(EXIT_URL);
  }

  // Input

  // Empty, the input follows the page (placeholder and caret on the right side in Arabic);
  // once she types, it follows her text.
  function resizeInput() {
    if (input.value) {
      input.dir = 'auto';
    } else {
      input.removeAttribute('dir');
    }
    input.style.height = 'auto';
    input.style.height = Math.max(input.scrollHeight + 4, 48) + 'px';
  }

  function updateCount() {
    var length = input.value.trim().length;
    if (length > COUNT_FROM) {
      count.hidden = false;
      count.textContent = length + '/' + MAX_LENGTH;
      count.className = length > MAX_LENGTH ? 'count over' : 'count';
    } else {
      count.hidden = true;
      count.textContent = '';
    }
    if (length > MAX_LENGTH) {
      if (!noticeState || noticeState.key !== 'tooLong') {
        showNotice('tooLong', 'error');
      }
    } else {
      clearNotice('tooLong');
    }
  }

  // Keep the app exactly the visible height, so the input stays above an on-screen keyboard
  // also where the browser does not resize the page for it.
  function fitViewport() {
    var viewport = window.visualViewport;
    if (!viewport) {
      return;
    }
    var follow = stickToBottom || nearBottom();
    if (viewport.scale > 1.05) {
      app.style.height = '';
      app.style.top = '';
    } else {
      app.style.height = Math.round(viewport.height) + 'px';
      app.style.top = Math.round(viewport.offsetTop) + 'px';
    }
    if (follow) {
      scrollToBottom();
    }
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    submit();
  });

  input.addEventListener('keydown', function (event) {
    // Enter sends; Shift+Enter is a new line; Enter that confirms an IME composition is not a send.
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing && event.keyCode !== 229) {
      event.preventDefault();
      submit();
    }
  });

  input.addEventListener('input', function () {
    resizeInput();
    updateCount();
  });

  thread.addEventListener('scroll', function () {
    stickToBottom = nearBottom();
  }, { passive: true });

  exitButton.addEventListener('click', quickExit);

  document.addEventListener('keydown', function (event) {
    if ((event.key !== 'Escape' && event.key !== 'Esc') || event.isComposing) {
      return;
    }
    var now = Date.now();
    if (now - lastEscape < ESCAPE_WINDOW_MS) {
      event.preventDefault();
      quickExit();
    } else {
      lastEscape = now;
    }
  }, true);

  if (window.visualViewport) {
    window.visualViewport.addEventListener('resize', fitViewport);
    window.visualViewport.addEventListener('scroll', fitViewport);
  }

  window.addEventListener('pagehide', function () {
    closeEvents();
  });

  window.addEventListener('pageshow', function (event) {
    // Back in this tab from the page cache: reconnect, or stay gone after a quick exit.
    if (event.persisted && !leaving && conversationId && !events) {
      openEvents();
    }
  });

  applyLanguage(store.get(KEY_LANGUAGE) || 'fr', store.get(KEY_DIRECTION));
  fitViewport();
  if (conversationId) {
    openEvents();
    showNotice('resumed', 'info');
  } else {
    greet();
  }
})();

// Small behaviours shared by the pages. No inline scripts anywhere (Content-Security-Policy).
(function () {
  "use strict";

  // Open the tab named in ?tab= or the #hash (links back from the edit pages use them).
  function showTab(name) {
    if (!name) return;
    var trigger = document.querySelector('[data-bs-toggle="tab"][data-tab="' + name + '"]');
    if (trigger && window.bootstrap) window.bootstrap.Tab.getOrCreateInstance(trigger).show();
  }
  var params = new URLSearchParams(window.location.search);
  showTab(params.get("tab") || window.location.hash.replace("#", ""));
  document.querySelectorAll('[data-bs-toggle="tab"][data-tab]').forEach(function (el) {
    el.addEventListener("shown.bs.tab", function () {
      var url = new URL(window.location.href);
      url.searchParams.set("tab", el.dataset.tab);
      url.hash = "";
      window.history.replaceState(null, "", url.toString());
    });
  });

  // "Chọn tất cả" for long checkbox lists (participants, pledge parties).
  document.querySelectorAll("[data-check-all]").forEach(function (box) {
    box.addEventListener("change", function () {
      var scope = document.querySelector(box.dataset.checkAll);
      if (!scope) return;
      scope.querySelectorAll('input[type="checkbox"]').forEach(function (item) {
        if (!item.closest("[hidden]")) item.checked = box.checked;
      });
    });
  });

  // Filter a long checkbox list by typing (diacritics ignored: "duc" finds "Đức").
  function fold(text) {
    return text.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase();
  }
  document.querySelectorAll("[data-filter-list]").forEach(function (input) {
    input.addEventListener("input", function () {
      var scope = document.querySelector(input.dataset.filterList);
      if (!scope) return;
      var needle = fold(input.value.trim());
      scope.querySelectorAll(".form-check").forEach(function (row) {
        row.hidden = needle !== "" && fold(row.textContent).indexOf(needle) === -1;
      });
    });
  });

  // One click, one submission: a double click must not create a plan twice.
  document.querySelectorAll("form[method=post], form[method=POST]").forEach(function (form) {
    form.addEventListener("submit", function (event) {
      if (event.defaultPrevented) return;
      if (form.dataset.submitted === "1") { event.preventDefault(); return; }
      form.dataset.submitted = "1";
    });
  });
  // Coming back with the browser's Back button must leave the forms usable again.
  window.addEventListener("pageshow", function () {
    document.querySelectorAll("form[data-submitted]").forEach(function (form) { delete form.dataset.submitted; });
  });

  // Buttons that need a confirmation before they submit their form. A form the browser would
  // refuse anyway (a box left unticked) says so first: confirming it would be asked for nothing.
  document.querySelectorAll("[data-confirm]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (button.form && !button.form.noValidate && !button.form.checkValidity()) return;
      if (!window.confirm(button.dataset.confirm)) event.preventDefault();
    });
  });

  // The browser's own checks speak the browser's language (English on many office machines): say
  // them in Vietnamese, as the server's messages beside the fields do.
  function browserMessage(field) {
    var v = field.validity;
    if (v.valueMissing) {
      if (field.type === "checkbox") return "Đánh dấu ô này để tiếp tục.";
      if (field.type === "file") return "Chọn tệp.";
      return "Trường này là bắt buộc.";
    }
    if (v.tooLong) return "Quá số ký tự cho phép.";
    if (v.typeMismatch) return field.type === "email" ? "Nhập địa chỉ thư điện tử hợp lệ." : "Giá trị không hợp lệ.";
    if (v.rangeUnderflow || v.rangeOverflow || v.stepMismatch || v.badInput || v.patternMismatch) {
      return "Giá trị không hợp lệ.";
    }
    return "";
  }
  document.addEventListener("invalid", function (event) {
    var field = event.target;
    if (!field.setCustomValidity) return;
    field.setCustomValidity("");
    field.setCustomValidity(browserMessage(field));
  }, true);
  ["input", "change"].forEach(function (type) {
    document.addEventListener(type, function (event) {
      if (event.target.setCustomValidity) event.target.setCustomValidity("");
    }, true);
  });

  // A report's outline (reports/_outline_section.html): the block's own settings show only for
  // that block; a section is added from the empty form; ↑/↓ move a section and renumber the order.
  var outline = document.querySelector("[data-outline]");
  if (outline) {
    var showBlockSettings = function (section) {
      var select = section.querySelector('select[name$="-block"]');
      section.querySelectorAll("[data-block-only]").forEach(function (el) {
        el.hidden = !select || select.value !== el.dataset.blockOnly;
      });
    };
    var renumber = function () {
      outline.querySelectorAll("[data-outline-section]").forEach(function (section, i) {
        var order = section.querySelector('input[name$="-ORDER"]');
        if (order) order.value = i + 1;
      });
    };
    outline.querySelectorAll("[data-outline-section]").forEach(showBlockSettings);
    outline.addEventListener("change", function (event) {
      if (event.target.name && event.target.name.slice(-6) === "-block") {
        showBlockSettings(event.target.closest("[data-outline-section]"));
      }
    });
    outline.addEventListener("click", function (event) {
      var button = event.target.closest("[data-outline-move]");
      if (!button) return;
      var section = button.closest("[data-outline-section]");
      if (button.dataset.outlineMove === "-1" && section.previousElementSibling) {
        outline.insertBefore(section, section.previousElementSibling);
      } else if (button.dataset.outlineMove === "1" && section.nextElementSibling) {
        outline.insertBefore(section.nextElementSibling, section);
      }
      renumber();
      button.focus();
    });
    var add = document.querySelector("[data-outline-add]");
    var empty = document.querySelector("template[data-outline-empty]");
    var total = document.querySelector('input[name$="-TOTAL_FORMS"]');
    if (add && empty && total) {
      add.addEventListener("click", function () {
        var index = parseInt(total.value, 10);
        var holder = document.createElement("div");
        holder.innerHTML = empty.innerHTML.replace(/__prefix__/g, String(index));
        var section = holder.firstElementChild;
        // A new heading belongs to the body, before the first appendix; ↑/↓ move it from there.
        var firstAppendix = Array.prototype.find.call(outline.querySelectorAll("[data-outline-section]"),
          function (card) {
            var level = card.querySelector('select[name$="-level"]');
            return level && level.value === "0";
          });
        outline.insertBefore(section, firstAppendix || null);
        total.value = index + 1;
        renumber();
        showBlockSettings(section);
        var heading = section.querySelector('input[name$="-heading"]');
        if (heading) heading.focus();
      });
    }
  }
})();

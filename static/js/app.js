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

  // Buttons that need a confirmation before they submit their form.
  document.querySelectorAll("[data-confirm]").forEach(function (button) {
    button.addEventListener("click", function (event) {
      if (!window.confirm(button.dataset.confirm)) event.preventDefault();
    });
  });
})();

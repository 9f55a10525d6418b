// A page opened from a disk (its address starts file://) cannot reach its engine: browsers
// refuse such a page its own modules, negsim-site.json and negsim.wasm. This classic script
// is the one part that still runs there, and it says what to do instead of leaving the page
// at "Starting the engine…".
if (location.protocol === "file:") {
  document.addEventListener("DOMContentLoaded", () => {
    document.getElementById("status").textContent = "";
    // The menus say why they offer nothing, where a screen reader would read a blank list.
    document.querySelector("#scenario option").textContent = "None: a page opened as a file has no engine";
    // Without the engine the search, the undo and the views' tabs do nothing: left enabled,
    // they are ten Tab stops on the way to nothing.
    for (const c of document.querySelectorAll("#filter, #reset, [role=tab]")) c.disabled = true;
    const box = document.getElementById("error");
    const say = (tag, text) => {
      const e = document.createElement(tag);
      e.textContent = text;
      box.append(e);
    };
    say("p", "This page was opened as a file (its address starts with file://), and browsers do not let a page opened that way start negsim's engine.");
    say("p", "Open it through a web server instead: put the folder on the school's web server, or run a small one in the folder on this computer, for example");
    say("pre", "python3 -m http.server 8000");
    say("p", "and open http://localhost:8000/ in the browser. With negsim installed, negsim serve shows the same page.");
    box.hidden = false;
  });
}

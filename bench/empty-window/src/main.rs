//! An empty Tauri v2 window: the yardstick that `datajam-bench-app` measures the app against
//! (start to the first page, memory). Nothing but a window and a static page.

#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("the empty window runs");
}

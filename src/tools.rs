//! The tools module's binary: the app built with the `tools` feature (every
//! page). It starts nothing itself: the first-load module imports it when a
//! reader opens one of its pages and calls `start_tools` (see `io::hand_over`).
fn main() {
    // Links the app, whose `#[wasm_bindgen]` exports (start_tools) are the module's.
    std::hint::black_box(innsyn_web::start_tools as fn());
}

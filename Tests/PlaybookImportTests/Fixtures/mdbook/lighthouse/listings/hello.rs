use std::io;
// ANCHOR: main
fn main() {
    println!("Hello, keeper!");
}
// ANCHOR_END: main

fn main() {
    println!("attest-tui");
}

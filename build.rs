// The built-in pack is embedded with include_dir!: rebuild when its files change.
fn main() {
    println!("cargo:rerun-if-changed=sample-data/pack");
    println!("cargo:rerun-if-changed=assets/fonts");
}

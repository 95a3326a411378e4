fn main() {
    innsyn_web::start();
}

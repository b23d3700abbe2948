//! Kakehashi's single-page app (Yew, client-side rendered). The server sends index.html for
//! every non-API path; this binary, compiled to wasm, takes over from there.

mod api;
mod app;
mod components;
mod forms;
mod hooks;
mod i18n;
mod pages;
mod paging;
mod reference;
mod routes;
mod session;

fn main() {
    yew::Renderer::<app::App>::new().render();
}

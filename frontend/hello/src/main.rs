//! Yew's floor: the smallest app built with the same profile and wasm-bindgen flags as
//! Kakehashi's (`frontend/build.sh`), so the size report can give the app as a ratio of it.

use yew::prelude::*;

#[function_component(App)]
fn app() -> Html {
    html! { <h1>{ "Hello, world" }</h1> }
}

fn main() {
    yew::Renderer::<App>::new().render();
}

//! The frame of every page.

use yew::prelude::*;

use super::Header;

#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    pub children: Html,
}

#[function_component(Layout)]
pub fn layout(props: &LayoutProps) -> Html {
    html! {
        <>
            <Header />
            // tabindex lets the skip link move keyboard focus here, not only the scroll position.
            <main id="main" class="content" tabindex="-1">
                { props.children.clone() }
            </main>
        </>
    }
}

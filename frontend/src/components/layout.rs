//! The frame of every page.

use yew::prelude::*;
use yew_router::prelude::*;

use super::Header;
use crate::forms::focus_element;

#[derive(Properties, PartialEq)]
pub struct LayoutProps {
    pub children: Html,
}

#[function_component(Layout)]
pub fn layout(props: &LayoutProps) -> Html {
    let path = use_location().map(|l| l.path().to_owned());
    let previous = use_mut_ref(|| None::<String>);

    // After moving to another page (not on first load), put focus at the top of the new
    // content, as a full page load would, so screen readers start reading the new page.
    use_effect_with(path, move |path| {
        let moved = previous
            .borrow()
            .as_ref()
            .is_some_and(|p| Some(p) != path.as_ref());
        if moved {
            focus_element("main");
        }
        *previous.borrow_mut() = path.clone();
    });

    html! {
        <>
            <Header />
            // tabindex lets the skip link and page changes move keyboard focus here.
            <main id="main" class="content" tabindex="-1">
                { props.children.clone() }
            </main>
        </>
    }
}

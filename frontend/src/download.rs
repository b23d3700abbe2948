//! Saving bytes the server sent as a file on the person's device.

use wasm_bindgen::JsCast;

/// Saves `bytes` as `filename` through a `data:` link clicked once. The bytes are kept as
/// sent (a CSV's byte-order mark included, so Excel reads it as UTF-8).
pub fn save(bytes: &[u8], filename: &str, mime: &str) {
    let text = String::from_utf8_lossy(bytes);
    let href = format!(
        "data:{mime};charset=utf-8,{}",
        js_sys::encode_uri_component(&text)
    );
    let document = gloo::utils::document();
    if let Ok(link) = document.create_element("a") {
        let _ = link.set_attribute("href", &href);
        let _ = link.set_attribute("download", filename);
        if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
            link.click();
        }
    }
}

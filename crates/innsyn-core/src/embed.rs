//! Embedding a view in another site: the addresses and the snippet of the
//! "Bygg inn" dialog. The embedded page sends its parent one kind of message,
//! `{type: "innsyn:height", id, height}` (and Datawrapper's
//! `{"datawrapper-height": {id: height}}`); `public/embed.js` on the host
//! page applies it. Documented in `docs/embedding.md`.

use crate::query::Query;
use crate::route::Addresses;

/// The `type` of Innsyn's height message.
pub const MESSAGE_TYPE: &str = "innsyn:height";

/// The iframe's height in the snippet until the preview has measured one:
/// what the frame keeps on a page without `embed.js`.
pub const DEFAULT_HEIGHT: u32 = 800;

/// The view in embed mode. `app` is the app's address without query string
/// (`https://ks.no/innsyn/` or `…/innsyn/index.html`), or the site's root
/// when its pages are rendered at stable paths.
pub fn embed_url(app: &str, addr: Addresses, q: &Query) -> String {
    let q = Query {
        embed: true,
        ..q.clone()
    };
    addr.url(app, &q)
}

/// The same view in the full site (for "Se mer i Innsyn").
pub fn full_url(app: &str, addr: Addresses, q: &Query) -> String {
    let q = Query {
        embed: false,
        ..q.clone()
    };
    addr.url(app, &q)
}

/// `embed.js`, served beside the app's `index.html`.
pub fn script_url(app: &str) -> String {
    let dir = &app[..app.rfind('/').map_or(0, |i| i + 1)];
    format!("{dir}embed.js")
}

/// Text for an HTML attribute value in double quotes.
fn attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The code a web editor pastes: the iframe (with a title for screen
/// readers, lazy loading and a fixed fallback height) and the script.
pub fn snippet(app: &str, addr: Addresses, q: &Query, title: &str, height: u32) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" loading=\"lazy\" style=\"width:100%;border:0\" height=\"{height}\"></iframe>\n<script src=\"{}\" async></script>",
        attr(&embed_url(app, addr, q)),
        attr(title),
        attr(&script_url(app)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::query::View;

    #[test]
    fn the_snippet_is_html_whatever_the_title() {
        let q = Query {
            view: View::Region,
            region: Some("04".into()),
            lang: Lang::Nn,
            ..Default::default()
        };
        assert_eq!(
            snippet("https://ks.no/innsyn/", Addresses::QueryString, &q, "Innsyn: \"Hedmark\" <&>", 640),
            "<iframe src=\"https://ks.no/innsyn/?view=region&amp;region=04&amp;lang=nn&amp;embed=1\" \
             title=\"Innsyn: &quot;Hedmark&quot; &lt;&amp;&gt;\" loading=\"lazy\" style=\"width:100%;border:0\" height=\"640\"></iframe>\n\
             <script src=\"https://ks.no/innsyn/embed.js\" async></script>"
        );
    }

    #[test]
    fn addresses_in_and_out_of_embed_mode() {
        let app = "https://ks.no/innsyn/index.html";
        let q = Query::parse("?view=cooperation&members=3407,3447&embed=1");
        assert_eq!(
            full_url(app, Addresses::QueryString, &q),
            "https://ks.no/innsyn/index.html?view=cooperation&members=3407,3447"
        );
        assert_eq!(
            embed_url(app, Addresses::QueryString, &Query::default()),
            "https://ks.no/innsyn/index.html?embed=1"
        );
        assert_eq!(script_url(app), "https://ks.no/innsyn/embed.js");
    }

    #[test]
    fn a_site_of_rendered_pages_embeds_their_paths() {
        let root = "https://ks.no/innsyn/";
        let q = Query::parse("?view=municipality&region=3407&year=2018&lang=nn");
        assert_eq!(
            embed_url(root, Addresses::Paths, &q),
            "https://ks.no/innsyn/nn/embed/kommune/3407/?year=2018"
        );
        assert_eq!(
            full_url(root, Addresses::Paths, &Query { embed: true, ..q }),
            "https://ks.no/innsyn/nn/kommune/3407/?year=2018"
        );
        assert_eq!(
            full_url(root, Addresses::Paths, &Query::default()),
            "https://ks.no/innsyn/"
        );
        assert_eq!(script_url(root), "https://ks.no/innsyn/embed.js");
    }
}

//! The URL state every component reads: the query string (Innsyn's public
//! API, `innsyn_core::query`), the language and view derived from it, and
//! the viewport width; and the one link mechanism: links are real
//! `<a href="?…">` (see [`href`]), and a plain left click on one is followed
//! in place (no reload), while modified clicks are left to the browser.
//! Bottom layer: uses only [`crate::io`].

use innsyn_core::i18n::{Lang, T};
use innsyn_core::query::{Query, View};
use leptos::prelude::*;
use leptos::tachys::reactive_graph::OwnedView;

use crate::io;

/// The URL state, shared by every component (`expect_context::<Nav>()`).
#[derive(Clone, Copy)]
pub struct Nav {
    /// Window width in CSS pixels, kept current on resize.
    pub viewport: ReadSignal<f64>,
    pub query: ReadSignal<Query>,
    /// The language alone: text re-renders when it changes, not on every
    /// change of the query (a step of the year slider re-renders only what
    /// depends on the year).
    pub lang: Memo<Lang>,
    /// The view alone: the page is rebuilt only when it changes.
    pub view: Memo<View>,
    /// How kroner are shown (`?prices=`): figures are loaded again only
    /// when it changes.
    pub prices: Memo<Option<String>>,
    /// What a link to another page keeps (language, embed mode, catalog).
    site: Memo<Query>,
    set_query: WriteSignal<Query>,
}

impl Nav {
    /// An interface string that follows the language. Every call returns the
    /// same closure type, so the renderer is compiled once for all of them
    /// (dozens of distinct closures made the wasm tens of KiB larger).
    pub fn t(self, key: T) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || key.get(self.lang.get())
    }

    /// The current language (tracked: the caller re-runs when it changes).
    pub fn lang(&self) -> Lang {
        self.lang.get()
    }

    /// Another page of the site, keeping language, embed mode and catalog.
    pub fn page(&self, view: View) -> Query {
        Query {
            view,
            ..self.site.get()
        }
    }

    /// Another page of the site about `region`.
    pub fn to(&self, view: View, region: String) -> Query {
        Query {
            region: Some(region),
            ..self.page(view)
        }
    }

    /// Goes to a new query: a new history entry, and the page follows.
    pub fn go(&self, q: Query) {
        io::push(&q);
        self.set_query.set(q);
    }

    /// Changes the query in place (no new history entry).
    pub fn replace(&self, q: Query) {
        io::replace(&q);
        self.set_query.set(q);
    }
}

/// `build`'s view with a language of its own that follows the page's,
/// given as context to its components alone (in an owner of its own, as
/// leptos's `Provider` does). A language switch re-runs every text that
/// reads the language, and each leaves and joins its source's list of
/// subscribers, which reactive_graph keeps in order (a removal moves those
/// after it): one source read by a page's thousands of texts made the
/// switch cost time growing with their square. A memo per part (a card, a
/// figure) keeps every list short.
pub fn part(build: impl FnOnce() -> AnyView) -> OwnedView<AnyView> {
    part_while(Signal::stored(true), build)
}

/// The same for a part the reader sees only while `shown` (a table behind
/// its chart, a closed menu): its language follows the page's only then,
/// so a switch spends no time on words nobody can see or hear (hidden
/// content is out of the accessibility tree too); showing it writes them.
pub fn part_while(shown: Signal<bool>, build: impl FnOnce() -> AnyView) -> OwnedView<AnyView> {
    let page = expect_context::<Nav>();
    let owner = Owner::current()
        .expect("a part is built inside the app")
        .child();
    let view = owner.with(|| {
        let lang = page.lang;
        provide_context(Nav {
            lang: Memo::new(move |kept: Option<&Lang>| match kept {
                Some(l) if !shown.get() => *l,
                _ => lang.get(),
            }),
            ..page
        });
        build()
    });
    OwnedView::new_with_owner(view, owner)
}

/// The `href` of a link to `q`: its canonical query string ("?" for the
/// default page, so the link stays on this page), or on a page rendered at
/// publish time its stable path (`kommune/3407/`, relative to the site's
/// root), which works without JavaScript too.
pub fn href(q: &Query) -> String {
    io::addresses().href(q)
}

/// Sets up what every component expects: the URL state (following
/// back/forward) and the viewport width, provided as context.
pub fn provide_app_context() -> Nav {
    let (query, set_query) = signal(io::location_query());
    let (viewport, set_viewport) = signal(io::viewport_width());
    let nav = Nav {
        viewport,
        query,
        lang: Memo::new(move |_| query.with(|q| q.lang)),
        view: Memo::new(move |_| query.with(|q| q.view)),
        prices: Memo::new(move |_| query.with(|q| q.prices.clone())),
        site: Memo::new(move |_| query.with(|q| q.page(View::Overview))),
        set_query,
    };
    provide_context(nav);
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        set_query.set(io::location_query())
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        set_viewport.set(io::viewport_width())
    });
    // The one link mechanism: every navigation is a real <a href>; a
    // plain left click on one is followed in place, anything else is the
    // browser's (Ctrl-click opens a new tab).
    let click = window_event_listener(leptos::ev::click, move |ev| {
        if let Some(q) = io::in_app_link(&ev) {
            nav.go(q);
        }
    });
    on_cleanup(move || {
        popstate.remove();
        resize.remove();
        click.remove();
    });
    nav
}

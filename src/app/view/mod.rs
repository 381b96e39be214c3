//! The view model: what the screen shows, computed from the state but not
//! drawn — the detail documents, word wrapping, the comparison's lines, the
//! help lines, UI strings, and the geometry (`layout`) that both the
//! renderer and the mouse handling read, so a click lands on what is drawn.
//! `ui` paints these; nothing here touches the terminal or changes state.

pub mod cert_lines;
pub mod compare_lines;
pub mod detail;
pub mod facet_bar;
pub mod fiche_list;
pub mod help;
pub mod layout;
pub mod search;
pub mod strings;
pub mod wrap;

/// How a piece of text is meant to look; the theme maps it to a style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tone {
    Title,
    Heading,
    Label,
    Text,
    Muted,
    Warning,
    Common,
    /// The item a search jump landed on.
    Found,
    /// The text of a followable link of the detail (a number, a parcours, a ROME code).
    Link,
}

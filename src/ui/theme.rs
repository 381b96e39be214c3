//! Styles. Two themes: coloured, and monochrome for `NO_COLOR` that uses
//! only reverse, bold and underline — it never emits a colour, because
//! crossterm 0.29 turns colour changes into full attribute resets under
//! `NO_COLOR`, which would wipe the reverse/bold marks.

use ratatui::style::{Color, Modifier, Style};

use crate::app::view::Tone;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Theme {
    pub color: bool,
}

impl Theme {
    pub const COLOR: Theme = Theme { color: true };
    pub const MONOCHROME: Theme = Theme { color: false };

    /// Monochrome when `NO_COLOR` is set to a non-empty value (no-color.org).
    pub fn from_env() -> Theme {
        match std::env::var_os("NO_COLOR") {
            Some(v) if !v.is_empty() => Theme::MONOCHROME,
            _ => Theme::COLOR,
        }
    }

    fn pick(&self, color: Style, mono: Style) -> Style {
        if self.color { color } else { mono }
    }

    pub fn tone(&self, tone: Tone) -> Style {
        let bold = Style::new().add_modifier(Modifier::BOLD);
        match tone {
            Tone::Title => self.pick(bold.fg(Color::Yellow), bold),
            Tone::Heading => self.pick(
                bold.fg(Color::Cyan),
                bold.add_modifier(Modifier::UNDERLINED),
            ),
            Tone::Label => self.pick(bold, bold),
            Tone::Text => Style::new(),
            Tone::Muted => self.pick(Style::new().fg(Color::DarkGray), Style::new()),
            Tone::Warning => self.pick(bold.fg(Color::LightRed), bold),
            Tone::Common => self.pick(
                Style::new().fg(Color::Green),
                Style::new().add_modifier(Modifier::UNDERLINED),
            ),
            Tone::Found => self.pick(
                bold.bg(Color::Yellow).fg(Color::Black),
                bold.add_modifier(Modifier::REVERSED),
            ),
            Tone::Link => self.pick(
                Style::new()
                    .fg(Color::LightBlue)
                    .add_modifier(Modifier::UNDERLINED),
                Style::new().add_modifier(Modifier::UNDERLINED),
            ),
        }
    }

    /// The link of the detail chosen with `n`: it stands out in both themes.
    pub fn chosen_link(&self) -> Style {
        self.pick(
            Style::new()
                .bg(Color::LightBlue)
                .fg(Color::Black)
                .add_modifier(Modifier::BOLD),
            Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
        )
    }

    /// Characters of a search result that the query matched: bold and
    /// underlined in both themes, so they show under `NO_COLOR` too.
    pub fn matched(&self) -> Style {
        let mark = Style::new().add_modifier(Modifier::BOLD | Modifier::UNDERLINED);
        self.pick(mark.fg(Color::Yellow), mark)
    }

    /// A search result's kind badge.
    pub fn badge(&self) -> Style {
        self.pick(Style::new().fg(Color::Cyan), Style::new())
    }

    pub fn border(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::BOLD),
            (false, true) => Style::new().fg(Color::DarkGray),
            (false, false) => Style::new(),
        }
    }

    /// The cursor row of a list; dimmer when its pane is not focused.
    pub fn selected(&self, focused: bool) -> Style {
        match (focused, self.color) {
            (true, true) => Style::new()
                .bg(Color::Blue)
                .fg(Color::White)
                .add_modifier(Modifier::BOLD),
            (true, false) => Style::new().add_modifier(Modifier::REVERSED | Modifier::BOLD),
            (false, true) => Style::new().bg(Color::DarkGray).fg(Color::White),
            (false, false) => Style::new().add_modifier(Modifier::UNDERLINED),
        }
    }

    pub fn status(&self) -> Style {
        self.pick(
            Style::new().bg(Color::DarkGray).fg(Color::White),
            Style::new().add_modifier(Modifier::REVERSED),
        )
    }

    pub fn tab(&self, active: bool) -> Style {
        if active {
            self.selected(true)
        } else {
            self.tone(Tone::Muted)
        }
    }
}

//! WCAG contrast of what a cell looks like in xterm with its default palette: the colors a
//! style names, the terminal's own where it names none, bold shown as bright (xterm's
//! `boldColors`, also what tmux does for bright colors on an 8-color terminal) and reverse
//! video. The contrast tests measure every style pair of every theme, and rendered screens, with
//! this; nothing at run time needs it.

use ratatui::style::{Color, Modifier, Style};

pub type Rgb = (u8, u8, u8);

/// The terminal's own text and background colors, where a style says `Reset`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Terminal {
    pub fg: Rgb,
    pub bg: Rgb,
}

/// xterm with a dark background (`-rv`), and xterm as it starts (black on white).
pub const DARK: Terminal = Terminal {
    fg: (0xff, 0xff, 0xff),
    bg: (0, 0, 0),
};
pub const LIGHT: Terminal = Terminal {
    fg: (0, 0, 0),
    bg: (0xff, 0xff, 0xff),
};

/// xterm's 16 colors (its `XTerm-col.ad` defaults).
const XTERM_16: [Rgb; 16] = [
    (0x00, 0x00, 0x00),
    (0xcd, 0x00, 0x00),
    (0x00, 0xcd, 0x00),
    (0xcd, 0xcd, 0x00),
    (0x00, 0x00, 0xee),
    (0xcd, 0x00, 0xcd),
    (0x00, 0xcd, 0xcd),
    (0xe5, 0xe5, 0xe5),
    (0x7f, 0x7f, 0x7f),
    (0xff, 0x00, 0x00),
    (0x00, 0xff, 0x00),
    (0xff, 0xff, 0x00),
    (0x5c, 0x5c, 0xff),
    (0xff, 0x00, 0xff),
    (0x00, 0xff, 0xff),
    (0xff, 0xff, 0xff),
];

/// The palette index of a named or indexed color.
fn index(c: Color) -> Option<u8> {
    Some(match c {
        Color::Black => 0,
        Color::Red => 1,
        Color::Green => 2,
        Color::Yellow => 3,
        Color::Blue => 4,
        Color::Magenta => 5,
        Color::Cyan => 6,
        Color::Gray => 7,
        Color::DarkGray => 8,
        Color::LightRed => 9,
        Color::LightGreen => 10,
        Color::LightYellow => 11,
        Color::LightBlue => 12,
        Color::LightMagenta => 13,
        Color::LightCyan => 14,
        Color::White => 15,
        Color::Indexed(i) => i,
        _ => return None,
    })
}

/// xterm's 256-color palette: the 16, a 6×6×6 cube, 24 greys.
fn palette(i: u8) -> Rgb {
    match i {
        0..=15 => XTERM_16[i as usize],
        16..=231 => {
            let level = |v: u8| if v == 0 { 0 } else { 55 + 40 * v };
            let v = i - 16;
            (level(v / 36), level(v / 6 % 6), level(v % 6))
        }
        _ => {
            let g = 8 + 10 * (i - 232);
            (g, g, g)
        }
    }
}

fn rgb(c: Option<Color>, default: Rgb, bright: bool) -> Rgb {
    match c {
        None | Some(Color::Reset) => default,
        Some(Color::Rgb(r, g, b)) => (r, g, b),
        Some(c) => match index(c) {
            Some(i) if bright && i < 8 => palette(i + 8),
            Some(i) => palette(i),
            None => default,
        },
    }
}

/// The colors a cell of this style shows, (text, background). `bold_bright` says whether bold
/// turns the first 8 colors into their bright twins (xterm does by default; not every
/// terminal does, so the tests look at both).
pub fn shown(style: Style, term: Terminal, bold_bright: bool) -> (Rgb, Rgb) {
    let bold = style.add_modifier.contains(Modifier::BOLD) && bold_bright;
    let fg = rgb(style.fg, term.fg, bold);
    let bg = rgb(style.bg, term.bg, false);
    if style.add_modifier.contains(Modifier::REVERSED) {
        (bg, fg)
    } else {
        (fg, bg)
    }
}

fn luminance((r, g, b): Rgb) -> f64 {
    let lin = |v: u8| {
        let c = f64::from(v) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b)
}

/// WCAG 2 contrast ratio of two colors, 1 to 21.
pub fn ratio(a: Rgb, b: Rgb) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The lower contrast of a style with bold shown bright and without.
pub fn contrast(style: Style, term: Terminal) -> f64 {
    [true, false]
        .into_iter()
        .map(|bright| {
            let (fg, bg) = shown(style, term, bright);
            ratio(fg, bg)
        })
        .fold(f64::INFINITY, f64::min)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_ratios() {
        assert!((ratio((0, 0, 0), (255, 255, 255)) - 21.0).abs() < 1e-9);
        assert!((ratio((0x7f, 0x7f, 0x7f), (0x7f, 0x7f, 0x7f)) - 1.0).abs() < 1e-9);
        // What the issue measured: the dark theme's active tab, grey (bold black) on cyan.
        let tab = Style::new()
            .fg(Color::Black)
            .bg(Color::Cyan)
            .add_modifier(Modifier::BOLD);
        assert!(contrast(tab, DARK) < 2.5);
        assert_eq!(palette(196), (255, 0, 0));
        assert_eq!(palette(244), (128, 128, 128));
    }

    #[test]
    fn reverse_swaps_and_bold_brightens() {
        let s = Style::new().fg(Color::Red).add_modifier(Modifier::BOLD);
        assert_eq!(shown(s, DARK, true).0, (0xff, 0, 0));
        assert_eq!(shown(s, DARK, false).0, (0xcd, 0, 0));
        let r = Style::new().add_modifier(Modifier::REVERSED);
        assert_eq!(shown(r, DARK, true), ((0, 0, 0), (0xff, 0xff, 0xff)));
    }
}

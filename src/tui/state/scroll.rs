//! Selection and scroll offset of a list, kept valid whatever the length and height.

use crate::tui::action::Action;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Motion {
    Up,
    Down,
    PageUp,
    PageDown,
    HalfUp,
    HalfDown,
    Top,
    Bottom,
    By(isize),
    To(usize),
}

impl Motion {
    /// The motion a movement action asks for (every list and text moves with the same keys).
    pub fn of(action: &Action) -> Option<Motion> {
        Some(match action {
            Action::MoveUp => Motion::Up,
            Action::MoveDown => Motion::Down,
            Action::PageUp => Motion::PageUp,
            Action::PageDown => Motion::PageDown,
            Action::HalfPageUp => Motion::HalfUp,
            Action::HalfPageDown => Motion::HalfDown,
            Action::Top => Motion::Top,
            Action::Bottom => Motion::Bottom,
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Scroll {
    pub selected: usize,
    pub offset: usize,
}

impl Scroll {
    /// Move the selection; returns whether anything changed.
    pub fn apply(&mut self, motion: Motion, len: usize, height: usize) -> bool {
        let before = *self;
        if len == 0 {
            *self = Scroll::default();
            return before != *self;
        }
        let page = height.max(1);
        let half = (page / 2).max(1);
        let cur = self.selected.min(len - 1);
        let last = len - 1;
        self.selected = match motion {
            Motion::Up => cur.saturating_sub(1),
            Motion::Down => (cur + 1).min(last),
            Motion::PageUp => cur.saturating_sub(page),
            Motion::PageDown => (cur + page).min(last),
            Motion::HalfUp => cur.saturating_sub(half),
            Motion::HalfDown => (cur + half).min(last),
            Motion::Top => 0,
            Motion::Bottom => last,
            Motion::By(d) if d < 0 => cur.saturating_sub(d.unsigned_abs()),
            Motion::By(d) => cur.saturating_add(d as usize).min(last),
            Motion::To(i) => i.min(last),
        };
        self.clamp(len, height);
        before != *self
    }

    /// Keep the selection inside the list and on screen.
    pub fn clamp(&mut self, len: usize, height: usize) {
        if len == 0 {
            *self = Scroll::default();
            return;
        }
        self.selected = self.selected.min(len - 1);
        self.offset = visible_offset(self.selected, self.offset, height, len);
    }
}

/// The first shown row so that `selected` is visible and no space is wasted below the end.
pub fn visible_offset(selected: usize, offset: usize, height: usize, len: usize) -> usize {
    if height == 0 || len == 0 {
        return 0;
    }
    let selected = selected.min(len - 1);
    let mut off = offset.min(len.saturating_sub(height));
    if selected < off {
        off = selected;
    } else if selected >= off + height {
        off = selected + 1 - height;
    }
    off
}

/// Scroll a text whose last possible offset is `max`; returns whether it changed.
pub fn scroll_text(offset: &mut usize, motion: Motion, max: usize, height: usize) -> bool {
    let before = *offset;
    let page = height.max(1);
    let half = (page / 2).max(1);
    let cur = (*offset).min(max);
    *offset = match motion {
        Motion::Up => cur.saturating_sub(1),
        Motion::Down => (cur + 1).min(max),
        Motion::PageUp => cur.saturating_sub(page),
        Motion::PageDown => (cur + page).min(max),
        Motion::HalfUp => cur.saturating_sub(half),
        Motion::HalfDown => (cur + half).min(max),
        Motion::Top => 0,
        Motion::Bottom => max,
        Motion::By(d) if d < 0 => cur.saturating_sub(d.unsigned_abs()),
        Motion::By(d) => cur.saturating_add(d as usize).min(max),
        Motion::To(i) => i.min(max),
    };
    before != *offset
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn selection_stays_in_range_and_visible() {
        let mut s = Scroll::default();
        s.apply(Motion::Bottom, 100, 10);
        assert_eq!((s.selected, s.offset), (99, 90));
        s.apply(Motion::PageUp, 100, 10);
        assert_eq!((s.selected, s.offset), (89, 89));
        s.clamp(5, 10);
        assert_eq!((s.selected, s.offset), (4, 0));
        s.clamp(0, 0);
        assert_eq!(s, Scroll::default());
    }

    #[test]
    fn zero_height_does_not_panic() {
        let mut s = Scroll::default();
        s.apply(Motion::PageDown, 3, 0);
        assert_eq!(s.selected, 1);
        assert_eq!(visible_offset(2, 7, 0, 3), 0);
    }
}

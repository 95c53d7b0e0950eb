/// `path:line:column` for a message, or just `path` when there is no place in the file to point
/// at (line 0: the problem is the whole file). Never a made-up `:0:0` or `:1:1`.
pub fn located(path: impl std::fmt::Display, line: usize, column: usize) -> String {
    match (line, column) {
        (0, _) => path.to_string(),
        (l, 0) => format!("{path}:{l}"),
        (l, c) => format!("{path}:{l}:{c}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_missing_place_is_left_out() {
        assert_eq!(located("a.md", 3, 7), "a.md:3:7");
        assert_eq!(located("a.md", 3, 0), "a.md:3");
        assert_eq!(located("a.md", 0, 0), "a.md");
    }
}

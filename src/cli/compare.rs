use super::Failure;
use super::args::{CompareArgs, CompareFormat};
use crate::compare::{DEFAULT_WIDTH, compare_apps, render_markdown, render_text, to_json_string};
use crate::query::find_app;
use crate::text::SafeText;
use crate::workspace::Workspace;

pub fn run(ws: &Workspace, args: &CompareArgs) -> Result<SafeText, Failure> {
    let catalog = &ws.loaded.catalog;
    let a = find_app(catalog, &args.a).map_err(Failure::bad_input)?;
    let b = find_app(catalog, &args.b).map_err(Failure::bad_input)?;
    let mut comparison = compare_apps(a, b);
    if args.only_diff {
        comparison = comparison.only_differences();
    }
    Ok(match args.format {
        CompareFormat::Json => SafeText::from_json_text(&to_json_string(&comparison)),
        CompareFormat::Markdown => {
            SafeText::from_string(render_markdown(&comparison, args.only_diff))
        }
        CompareFormat::Text => {
            let width = args.width.map_or_else(terminal_width, usize::from);
            SafeText::from_string(render_text(&comparison, width, args.only_diff))
        }
    })
}

fn terminal_width() -> usize {
    use std::io::IsTerminal;
    if std::io::stdout().is_terminal()
        && let Ok((cols, _)) = crossterm::terminal::size()
        && cols > 0
    {
        return usize::from(cols);
    }
    DEFAULT_WIDTH
}

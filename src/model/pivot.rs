/// English fallback titles for the pivot zones, for pages that give none.
pub fn pivot_title_en(pivot: &str) -> &str {
    match pivot {
        "general" => "General",
        "data" => "Data handling",
        "security" => "Security",
        "compliance" => "Compliance",
        "privsection" => "Privacy",
        "zerotrust" => "Identity (Zero Trust)",
        "identity" => "Identity",
        "mcas" => "Security & compliance (MCAS)",
        "csa" => "CSA STAR",
        "certification" => "Certification",
        other => other,
    }
}

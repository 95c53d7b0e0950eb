//! The fixed words of the rendered page format, in the languages the pages are published in.
//!
//! Rendered text has no markup, so these words are how the parser recognizes structure: headings,
//! the table header, the footer, the row labels that carry no question mark, and certification
//! outcomes. They are facts about the page template, not guesses about answers; a word missing
//! here degrades to a weaker rule (pivot inferred from order, whole-line question), never to an
//! invented answer.

/// What a labelled row of the general table says about the app.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    Name,
    Id,
    Clients,
    Publisher,
    Website,
    Terms,
    Privacy,
    /// A known label whose value has no dedicated place in the model (kept as a row).
    Other,
}

/// Row labels of the page template that are not phrased as questions. Matched as a prefix of the
/// line followed by white space (longest first), case-insensitively for ASCII.
pub const ROW_LABELS: &[(&str, Field)] = &[
    // zh-CN (several translation generations of the same template)
    ("应用名称", Field::Name),
    ("应用程序名称", Field::Name),
    ("ID", Field::Id),
    ("支持的Office 365客户端", Field::Clients),
    ("支持的 Office 365 客户端", Field::Clients),
    ("支持Office 365客户端", Field::Clients),
    ("支持 Office 365 客户端", Field::Clients),
    ("Office 365客户端", Field::Clients),
    ("合作伙伴公司名称", Field::Publisher),
    ("公司网站", Field::Website),
    ("公司的网站", Field::Website),
    ("合作伙伴网站的 URL", Field::Website),
    ("应用的使用条款", Field::Terms),
    ("使用条款的 URL", Field::Terms),
    ("使用条款 URL", Field::Terms),
    ("隐私策略 URL", Field::Privacy),
    ("隐私策略的 URL", Field::Privacy),
    ("应用的核心功能", Field::Other),
    ("公司总部位置", Field::Other),
    ("应用信息页", Field::Other),
    ("应用信息页面", Field::Other),
    ("Teams应用程序信息页的 URL", Field::Other),
    ("列出支持的策略类型", Field::Other),
    // The continuous access evaluation question has no question mark in the template.
    ("应用是否支持持续访问评估 (CAE)", Field::Other),
    ("你的应用是否支持持续访问评估 (CAE)", Field::Other),
    ("你的应用是否支持 CAE (连续访问)", Field::Other),
    ("最新 SOC1 认证日期", Field::Other),
    ("最新 SOC2 认证日期", Field::Other),
    ("最新 SOC3 认证日期", Field::Other),
    ("最新的 SOC1 认证日期", Field::Other),
    ("最新的 SOC2 认证日期", Field::Other),
    ("最新的 SOC3 认证日期", Field::Other),
    // zh-TW
    ("應用程式名稱", Field::Name),
    ("合作夥伴公司名稱", Field::Publisher),
    ("隱私權原則 URL", Field::Privacy),
    // en
    ("App name", Field::Name),
    ("Office 365 clients supported", Field::Clients),
    ("Partner company name", Field::Publisher),
    ("Company's website", Field::Website),
    ("Company website", Field::Website),
    ("URL of partner website", Field::Website),
    ("App's terms of use", Field::Terms),
    ("URL of Terms of Use", Field::Terms),
    ("Terms of use URL", Field::Terms),
    ("Privacy Policy URL", Field::Privacy),
    ("URL of Privacy Policy", Field::Privacy),
    ("Primary functionality of the app", Field::Other),
    ("Company headquarters location", Field::Other),
    ("App info page", Field::Other),
    ("URL of Teams application info page", Field::Other),
    ("List policy types supported", Field::Other),
    (
        "Does your app support continuous access evaluation (CAE)",
        Field::Other,
    ),
    (
        "Does the app support continuous access evaluation (CAE)",
        Field::Other,
    ),
    ("Latest SOC 1 attestation date", Field::Other),
    ("Latest SOC 2 attestation date", Field::Other),
    ("Latest SOC 3 attestation date", Field::Other),
    // de / fr / es / ja / ko: the rows that identify the app
    ("App-Name", Field::Name),
    ("Name des Partnerunternehmens", Field::Publisher),
    ("Nom de l'application", Field::Name),
    ("Nom de la société partenaire", Field::Publisher),
    ("Nombre de la aplicación", Field::Name),
    ("Nombre de la empresa asociada", Field::Publisher),
    ("アプリ名", Field::Name),
    ("パートナー会社名", Field::Publisher),
    ("앱 이름", Field::Name),
    ("파트너 회사 이름", Field::Publisher),
];

/// Zone headings, folded (lower case, no trailing colon), and the pivot they open.
pub const ZONE_HEADINGS: &[(&str, &str)] = &[
    ("一般信息", "general"),
    ("general information", "general"),
    ("allgemeine informationen", "general"),
    ("informations générales", "general"),
    ("información general", "general"),
    ("informazioni generali", "general"),
    ("algemene informatie", "general"),
    ("informações gerais", "general"),
    ("一般情報", "general"),
    ("일반 정보", "general"),
    ("一般資訊", "general"),
    ("应用如何处理数据", "data"),
    ("how the app handles data", "data"),
    ("wie die app daten verarbeitet", "data"),
    ("comment l'application gère les données", "data"),
    ("cómo controla la aplicación los datos", "data"),
    ("アプリでのデータの処理方法", "data"),
    ("앱이 데이터를 처리하는 방법", "data"),
    ("應用程式如何處理資料", "data"),
    ("标识信息", "identity"),
    ("identity information", "identity"),
    ("认证信息", "certification"),
    ("certification information", "certification"),
    ("zertifizierungsinformationen", "certification"),
    ("informations de certification", "certification"),
    ("información de certificación", "certification"),
    ("認定情報", "certification"),
    ("인증 정보", "certification"),
    ("認證資訊", "certification"),
];

/// Headings inside a zone (h4 in the markdown source). They do not open a zone.
pub const SUB_HEADINGS: &[&str] = &[
    "遥测数据",
    "telemetry data",
    "合作伙伴存储的数据的组织控制",
    "organizational controls for data stored by partner",
    "组织信息的人工评审",
    "组织信息的人工审阅",
    "human review of organizational information",
    "未使用microsoft 服务",
    "非microsoft 服务已使用",
    "non-microsoft services used",
    "使用其他 microsoft api 进行数据访问",
    "data access using other microsoft apis",
    "通过机器人进行数据访问",
    "通过机器人访问数据",
    "data access via bots",
];

/// Headings of the Microsoft Graph permission table (also inside a zone).
pub const GRAPH_HEADINGS: &[&str] = &[
    "使用 microsoft graph 访问数据",
    "使用 microsoft graph进行数据访问",
    "使用 microsoft graph",
    "data access using microsoft graph",
    "datenzugriff mit microsoft graph",
    "accès aux données à l'aide de microsoft graph",
    "acceso a datos mediante microsoft graph",
    "microsoft graph を使用したデータ アクセス",
    "microsoft graph를 사용한 데이터 액세스",
    "使用 microsoft graph 存取資料",
];

/// First cell of the question/answer table header ("Information 响应"); the template leaves it in
/// English in most translations.
pub const INFO_HEADER_FIRST: &[&str] = &[
    "information",
    "informationen",
    "informations",
    "información",
    "informazioni",
    "informatie",
    "informações",
    "信息",
    "資訊",
    "情報",
    "정보",
];

/// Second cell of that header ("Response" in the page language).
pub const INFO_HEADER_SECOND: &[&str] = &[
    "响应",
    "回应",
    "回應",
    "response",
    "antwort",
    "réponse",
    "respuesta",
    "risposta",
    "resposta",
    "antwoord",
    "svar",
    "odpowiedź",
    "yanıt",
    "ответ",
    "odpověď",
    "válasz",
    "応答",
    "回答",
    "응답",
];

/// First cell of the certification table header ("Control Microsoft 365 认证结果").
pub const CONTROL_HEADER_FIRST: &[&str] =
    &["control", "steuerelement", "contrôle", "控制", "控制项"];

/// The short title line of the corrections footer ("问题"), followed by a contact line.
pub const FOOTER_TITLES: &[&str] = &[
    "问题",
    "問題",
    "questions",
    "question",
    "fragen",
    "preguntas",
    "domande",
    "vragen",
    "perguntas",
    "質問",
    "질문",
];

/// Words of the footer's contact line ("…有疑问或更新? 联系我们!").
pub const FOOTER_CONTACT: &[&str] = &[
    "联系我们",
    "聯絡我們",
    "contact us",
    "kontaktieren sie uns",
    "contactez-nous",
    "póngase en contacto con nosotros",
    "contattaci",
    "neem contact met ons op",
    "entre em contato conosco",
    "お問い合わせください",
    "문의하세요",
];

/// Certification outcomes, as written after a control in the certification table.
pub const OUTCOMES: &[&str] = &[
    "通过",
    "未通过",
    "失败",
    "在范围内",
    "在作用域中",
    "不在范围内",
    "超出范围",
    "不适用",
    "通過",
    "在範圍內",
    "不適用",
    "pass",
    "passed",
    "fail",
    "failed",
    "in scope",
    "out of scope",
    "not applicable",
    "n/a",
    "bestanden",
    "nicht bestanden",
    "im geltungsbereich",
    "nicht im geltungsbereich",
    "nicht zutreffend",
    "réussite",
    "réussi",
    "échec",
    "dans l'étendue",
    "hors de l'étendue",
    "non applicable",
    "superado",
    "aprobado",
    "en el ámbito",
    "fuera del ámbito",
    "no aplicable",
    "合格",
    "不合格",
    "スコープ内",
    "スコープ外",
    "該当なし",
    "통과",
    "실패",
    "범위 내",
    "범위 밖",
    "해당 없음",
];

/// Top-level sections of the certification table, used for nesting when the copy lost the
/// indentation of the controls.
pub const CERT_SECTIONS: &[&str] = &[
    "应用程序安全性",
    "操作安全性",
    "数据处理安全 & 隐私",
    "application security",
    "operational security",
    "data handling security & privacy",
    "data handling security and privacy",
];

/// Preamble wording of a Microsoft 365 Certification page.
pub const CERTIFIED_WORDING: &[&str] = &[
    "microsoft 认证应用计划",
    "microsoft 365 认证",
    "microsoft 365 认证结果",
    "microsoft 365 certification",
    "microsoft 365 certified",
    "microsoft 365-zertifizierung",
    "certification microsoft 365",
    "certificación de microsoft 365",
    "microsoft 365 認定",
    "microsoft 365 인증",
    "microsoft 365 認證",
];

/// Preamble wording of a publisher attestation page.
pub const ATTESTED_WORDING: &[&str] = &[
    "publisher attestation",
    "发布者证明",
    "发布者认证",
    "發行者證明",
    "self-assessment",
    "自我评估",
    "herausgeberbestätigung",
    "attestation de l'éditeur",
    "atestación del publicador",
    "発行元の証明",
    "게시자 증명",
];

/// Words that open the "developer last updated" line.
pub const UPDATED_WORDING: &[&str] = &[
    "上次更新",
    "last updated",
    "zuletzt aktualisiert",
    "dernière mise à jour",
    "última actualización",
    "ultimo aggiornamento",
    "最終更新",
    "마지막 업데이트",
];

/// Intro wording of the security zone ("Microsoft 云应用安全 目录中的信息如下所示。").
pub const SECURITY_INTRO: &[&str] = &[
    "云应用安全",
    "cloud app security",
    "defender for cloud apps",
    "雲端應用程式安全性",
];

/// Row words that point to a pivot, for sections that have no heading. A section scores one
/// point per row containing any word of a pivot.
pub const PIVOT_HINTS: &[(&str, &[&str])] = &[
    (
        "general",
        &[
            "应用名称",
            "合作伙伴公司名称",
            "app name",
            "partner company name",
            "wa2",
        ],
    ),
    (
        "data",
        &[
            "tls",
            "数据库",
            "保留",
            "第三方",
            "database",
            "retain",
            "third part",
            "store any microsoft customer data",
        ],
    ),
    (
        "security",
        &[
            "渗透测试",
            "反恶意软件",
            "防火墙",
            "漏洞",
            "owasp",
            "入侵检测",
            "penetration",
            "anti-malware",
            "firewall",
            "vulnerab",
            "intrusion",
        ],
    ),
    (
        "compliance",
        &[
            "hipaa", "hitrust", "soc ", "soc1", "soc2", "soc3", "pci", "iso 27", "fedramp",
            "ferpa", "coppa", "sox", "nist", "csa star",
        ],
    ),
    (
        "privsection",
        &[
            "gdpr",
            "ccpa",
            "隐私声明",
            "隐私策略",
            "个人数据",
            "privacy notice",
            "privacy policy",
            "personal data",
        ],
    ),
    (
        "zerotrust",
        &[
            "标识平台",
            "microsoft identity platform",
            "entra",
            "azure ad",
            "msal",
            "条件访问",
            "conditional access",
            "持续访问评估",
            "continuous access evaluation",
        ],
    ),
];

/// Pivots of the rendered page in their page order; sections without a heading take the first
/// unused one when their rows give no hint.
pub const PIVOT_ORDER: &[&str] = &[
    "general",
    "data",
    "security",
    "compliance",
    "privsection",
    "zerotrust",
    "certification",
];

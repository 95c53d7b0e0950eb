//! Two small hand-built apps for the compare tests: Chinese pages, one of them with an answer
//! holding a `|`, an escape sequence and a long line, so every renderer meets the hard cases.

use attest_tui::model::{
    App, Block, Certification, Permission, PermissionKind, Row, Updated, Zone,
};

pub fn zone(pivot: &str, title: &str, rows: &[(&str, &str)]) -> Zone {
    Zone {
        pivot: pivot.into(),
        title: title.into(),
        blocks: rows
            .iter()
            .map(|(q, a)| Block::Row(Row::new(*q, *a, 0)))
            .collect(),
    }
}

pub fn permission(name: &str, kind: PermissionKind, registration: &str) -> Permission {
    Permission {
        name: name.into(),
        kind,
        registration: Some(registration.into()),
        ..Permission::default()
    }
}

pub const REG_A: &str = "0b9f5c3e-6f4a-4c2e-9d1b-7a8e2f3c4d5e";
pub const REG_SHARED: &str = "1c2d3e4f-5a6b-4c7d-8e9f-a0b1c2d3e4f5";

pub fn popp() -> App {
    App {
        id: "WA200003306".into(),
        name: "POPP 云 VoIP 连接器".into(),
        publisher: "POPP Communications".into(),
        certification: Certification::Attested,
        language: "zh-CN".into(),
        updated: Updated {
            date: Some("2021-09-20".into()),
            raw: "2021 年 9 月 20 日".into(),
        },
        zones: vec![
            zone(
                "general",
                "一般信息",
                &[
                    ("应用名称", "POPP 云 VoIP 连接器"),
                    (
                        "应用的核心功能",
                        "使用 MaxUC 客户端从Microsoft Teams进行呼叫",
                    ),
                    ("应用使用哪些托管云提供商？", "Azure"),
                    ("公司总部位置", "美国"),
                ],
            ),
            zone(
                "data",
                "应用如何处理数据",
                &[
                    ("应用或基础结构是否存储任何 Microsoft 客户数据？", "是"),
                    ("数据存储在哪里？", "Azure | 美国东部\u{1b}[31m 和 西欧"),
                ],
            ),
            zone(
                "compliance",
                "合规性",
                &[("该应用是否已获得云安全联盟（CSA Star）认证？", "否")],
            ),
        ],
        permissions: vec![
            permission("User.Read", PermissionKind::Delegated, REG_A),
            permission("Mail.Read", PermissionKind::Application, REG_SHARED),
            permission("Calendars.Read", PermissionKind::Delegated, REG_SHARED),
        ],
        ..App::default()
    }
}

pub fn contact_center() -> App {
    App {
        id: "WA200001428".into(),
        name: "联系人中心".into(),
        publisher: "Landis Technologies LLC".into(),
        certification: Certification::Certified,
        language: "zh-CN".into(),
        updated: Updated {
            date: Some("2024-01-12".into()),
            raw: "2024 年 1 月 12 日".into(),
        },
        zones: vec![
            zone(
                "general",
                "一般信息",
                &[
                    ("应用使用哪些托管云提供商?", "Azure"),
                    ("应用名称", "联系人中心"),
                    ("用于运行应用的托管环境或服务模型是什么?", "混合"),
                    ("公司总部位置", ""),
                ],
            ),
            zone(
                "data",
                "应用如何处理数据",
                &[
                    ("应用或基础结构是否存储任何 Microsoft 客户数据?", "是"),
                    ("数据存储在哪里?", "Azure 美国东部"),
                ],
            ),
            zone(
                "zerotrust",
                "标识信息",
                &[("你的应用是否支持条件访问策略?", "是")],
            ),
        ],
        permissions: vec![
            permission("User.Read", PermissionKind::Delegated, REG_SHARED),
            permission("Mail.Read", PermissionKind::Delegated, REG_SHARED),
            permission("Calendars.Read", PermissionKind::Delegated, REG_SHARED),
            permission("Presence.Read.All", PermissionKind::Application, REG_SHARED),
        ],
        ..App::default()
    }
}

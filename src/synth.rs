//! Deterministic synthetic catalogs of any size, shaped like imported ones (six zones of 8–15
//! rows, 0–8 permissions over 1–3 registrations, CJK and Latin names, about 11 KB of JSON per
//! app), for benchmarks and scale tests. Not real data.

use crate::model::{
    App, Block, Catalog, Certification, Links, Permission, PermissionKind, Row, Updated, Zone,
    pivot_title_en,
};

/// A small, fast, seeded generator: the same seed gives the same catalog on every machine.
pub struct Rng(pub u64);

impl Rng {
    pub fn next_u64(&mut self) -> u64 {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const LATIN: &[&str] = &[
    "Contact", "Center", "Notes", "Flow", "Sync", "Desk", "Board", "Meet", "Sign", "Vault",
    "Pulse", "Track", "Cloud", "Connect", "Hub", "Planner", "Insight", "Bot", "Forms", "Ticket",
];
const CJK: &[&str] = &[
    "联系人",
    "中心",
    "会议",
    "助手",
    "云",
    "连接器",
    "日程",
    "审批",
    "文档",
    "协作",
    "数据",
    "安全",
    "機能",
    "管理",
    "分析",
    "报告",
];
const PUBLISHERS: &[&str] = &[
    "Landis Technologies LLC",
    "POPP Communications",
    "Contoso Ltd",
    "Fabrikam Inc",
    "Northwind",
    "示例科技有限公司",
    "株式会社サンプル",
    "Adatum Corporation",
    "Tailspin Toys",
    "Woodgrove",
];
const PIVOTS: &[&str] = &[
    "general",
    "data",
    "security",
    "compliance",
    "privsection",
    "zerotrust",
];
const ANSWERS: &[&str] = &[
    "是",
    "否",
    "不适用",
    "",
    "Yes",
    "No",
    "Azure",
    "美国美国",
    "少于 90 天",
];
const QUESTIONS: &[&str] = &[
    "应用是否符合服务组织控制 (SOC 2) ？",
    "是否对应用执行年度渗透测试？",
    "应用或基础结构是否存储任何 Microsoft 客户数据？",
    "Does the app have a documented disaster recovery plan, including a backup and restore strategy?",
    "Is multi-factor authentication (MFA) enabled for all administrative access?",
    "是否已建立数据访问管理过程？",
    "Do you have an established process for provisioning, modifying, and deleting employee accounts?",
    "应用是否支持条件访问策略？",
    "Is the app ISO 27001 certified?",
    "是否在支持应用的所有系统组件上设置了事件日志记录？",
];
const PERMISSIONS: &[&str] = &[
    "User.Read",
    "User.Read.All",
    "Mail.Read",
    "Mail.Send",
    "Files.Read.All",
    "Files.ReadWrite.All",
    "Directory.Read.All",
    "Directory.ReadWrite.All",
    "Group.ReadWrite.All",
    "Calendars.ReadWrite",
    "Chat.Read.All",
    "openid",
    "profile",
    "email",
    "offline_access",
    "Sites.Read.All",
    "Calls.AccessMedia.All",
    "OnlineMeetings.ReadWrite.All",
];

/// A random GUID in canonical form.
pub fn guid(rng: &mut Rng) -> String {
    let a = rng.next_u64();
    let b = rng.next_u64();
    format!(
        "{:08x}-{:04x}-{:04x}-{:04x}-{:012x}",
        a >> 32,
        (a >> 16) & 0xffff,
        a & 0xffff,
        b >> 48,
        b & 0xffff_ffff_ffff
    )
}

fn app_name(rng: &mut Rng) -> String {
    let parts = 1 + rng.below(3);
    let cjk = rng.below(3) == 0;
    (0..parts)
        .map(|_| if cjk { rng.pick(CJK) } else { rng.pick(LATIN) })
        .collect::<Vec<_>>()
        .join(if cjk { "" } else { " " })
}

/// One synthetic app; `i` makes its id unique.
pub fn synthetic_app(rng_seed: u64, i: usize) -> App {
    let mut rng = Rng(rng_seed ^ (i as u64 + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    let name = app_name(&mut rng);
    let publisher = rng.pick(PUBLISHERS).to_string();
    let zones = PIVOTS
        .iter()
        .map(|pivot| Zone {
            pivot: (*pivot).into(),
            title: pivot_title_en(pivot).into(),
            blocks: (0..8 + rng.below(8))
                .map(|q| {
                    let question = format!("{} ({q})", rng.pick(QUESTIONS));
                    let mut answer = rng.pick(ANSWERS).to_string();
                    if rng.below(12) == 0 {
                        answer = format!("{answer} 应用使用此功能向用户显示要调用的成员列表。 Used to show members to call.");
                    }
                    Block::Row(Row::new(question, answer, 0))
                })
                .collect(),
        })
        .collect();
    let registrations: Vec<String> = (0..1 + rng.below(3)).map(|_| guid(&mut rng)).collect();
    let permissions = (0..rng.below(9))
        .map(|_| Permission {
            name: rng.pick(PERMISSIONS).to_string(),
            raw_name: None,
            kind: if rng.below(3) == 0 {
                PermissionKind::Application
            } else {
                PermissionKind::Delegated
            },
            justification:
                "当前频道成员的用户 ID 和显示名称。 Needed to list channel members for calling."
                    .to_string(),
            registration: Some(registrations[rng.below(registrations.len())].clone()),
            resource: "Microsoft Graph".to_string(),
        })
        .collect();
    let day = 1 + rng.below(28);
    let month = 1 + rng.below(12);
    let year = 2020 + rng.below(5);
    App {
        id: format!("WA{:09}", 100_000_000 + i),
        name,
        publisher,
        certification: match rng.below(10) {
            0 => Certification::Certified,
            1 => Certification::None,
            _ => Certification::Attested,
        },
        language: "zh-CN".to_string(),
        sources: vec![format!("teams/synthetic-{i}.md")],
        updated: Updated {
            date: Some(format!("{year}-{month:02}-{day:02}")),
            raw: format!("{year} 年 {month} 月 {day} 日"),
        },
        clients: vec!["Microsoft Teams".to_string()],
        links: Links {
            appsource: Some(format!(
                "https://appsource.microsoft.com/product/office/WA{:09}",
                100_000_000 + i
            )),
            ..Links::default()
        },
        zones,
        permissions,
        ..App::default()
    }
}

/// A catalog of `n` synthetic apps.
pub fn synthetic_catalog(n: usize, seed: u64) -> Catalog {
    Catalog {
        apps: (0..n).map(|i| synthetic_app(seed, i)).collect(),
        ..Catalog::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_catalog_and_unique_ids() {
        let a = synthetic_catalog(50, 7);
        assert_eq!(a, synthetic_catalog(50, 7));
        let mut ids: Vec<_> = a.apps.iter().map(|a| a.id.clone()).collect();
        ids.dedup();
        assert_eq!(ids.len(), 50);
    }

    #[test]
    fn apps_are_about_eleven_kilobytes_of_json() {
        let c = synthetic_catalog(200, 1);
        let per_app = serde_json::to_vec(&c).unwrap().len() / 200;
        assert!(
            (10_000..12_000).contains(&per_app),
            "{per_app} bytes per app"
        );
    }
}

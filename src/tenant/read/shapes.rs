//! The serde shapes of Microsoft Graph entities as Graph itself, the az CLI and PowerShell's
//! `ConvertTo-Json` write them. Graph writes camelCase; the Microsoft Graph PowerShell SDK's
//! objects serialize with PascalCase names (`AppId`, `Oauth2PermissionScopes`), hence the
//! aliases. `ConvertTo-Json` replaces anything nested deeper than its `-Depth` (2 by default)
//! with the .NET type name as a string, so nested members accept a string in place of an object
//! or array and remember that they were cut off.

use serde::Deserialize;
use std::borrow::Cow;

use serde::de::{self, Deserializer, MapAccess, SeqAccess, Visitor};

/// Text from the export, borrowed from the file where it can be.
pub type Text<'de> = Cow<'de, str>;

/// A nested member that may be missing, cut off by `ConvertTo-Json`, or present.
#[derive(Debug, Default)]
pub enum Shaped<T> {
    #[default]
    Missing,
    Truncated,
    Value(T),
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Shaped<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> Visitor<'de> for V<T> {
            type Value = Shaped<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("an object or an array")
            }
            fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
                Ok(Shaped::Truncated)
            }
            fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Shaped::Missing)
            }
            fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
                Ok(Shaped::Missing)
            }
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::MapAccessDeserializer::new(map)).map(Shaped::Value)
            }
            fn visit_seq<A: SeqAccess<'de>>(self, seq: A) -> Result<Self::Value, A::Error> {
                T::deserialize(de::value::SeqAccessDeserializer::new(seq)).map(Shaped::Value)
            }
        }
        d.deserialize_any(V(std::marker::PhantomData))
    }
}

/// A scalar as text: strings as they are (borrowed from the file when they have no escapes),
/// numbers and booleans written out, null as None.
pub fn lenient<'de, D: Deserializer<'de>>(d: D) -> Result<Option<Text<'de>>, D::Error> {
    struct V;
    impl<'de> Visitor<'de> for V {
        type Value = Option<Text<'de>>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string")
        }
        fn visit_borrowed_str<E: de::Error>(self, v: &'de str) -> Result<Self::Value, E> {
            Ok(Some(Cow::Borrowed(v)))
        }
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v.to_owned())))
        }
        fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v)))
        }
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v.to_string())))
        }
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v.to_string())))
        }
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v.to_string())))
        }
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
            Ok(Some(Cow::Owned(v.to_string())))
        }
        fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
        fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
            Ok(None)
        }
    }
    d.deserialize_any(V)
}

/// A boolean, also as the strings `True`/`False` that some exports write.
pub fn lenient_bool<'de, D: Deserializer<'de>>(d: D) -> Result<Option<bool>, D::Error> {
    match lenient(d)?.as_deref() {
        None => Ok(None),
        Some(s) if s.eq_ignore_ascii_case("true") => Ok(Some(true)),
        Some(s) if s.eq_ignore_ascii_case("false") => Ok(Some(false)),
        Some(s) => Err(de::Error::invalid_value(
            de::Unexpected::Str(s),
            &"true or false",
        )),
    }
}

/// One element of an export: any of the three entities. Which one it is follows from the
/// members present (`Entry::kind`).
#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct Entry<'a> {
    #[serde(rename = "@odata.type", borrow, deserialize_with = "lenient")]
    pub odata_type: Option<Text<'a>>,
    #[serde(alias = "Id", borrow, deserialize_with = "lenient")]
    pub id: Option<Text<'a>>,
    // servicePrincipal
    #[serde(
        rename = "appId",
        alias = "AppId",
        borrow,
        deserialize_with = "lenient"
    )]
    pub app_id: Option<Text<'a>>,
    #[serde(
        rename = "displayName",
        alias = "DisplayName",
        borrow,
        deserialize_with = "lenient"
    )]
    pub display_name: Option<Text<'a>>,
    #[serde(
        rename = "appDisplayName",
        alias = "AppDisplayName",
        borrow,
        deserialize_with = "lenient"
    )]
    pub app_display_name: Option<Text<'a>>,
    #[serde(
        rename = "appOwnerOrganizationId",
        alias = "AppOwnerOrganizationId",
        borrow,
        deserialize_with = "lenient"
    )]
    pub app_owner_organization_id: Option<Text<'a>>,
    #[serde(
        rename = "publisherName",
        alias = "PublisherName",
        borrow,
        deserialize_with = "lenient"
    )]
    pub publisher_name: Option<Text<'a>>,
    #[serde(rename = "verifiedPublisher", alias = "VerifiedPublisher")]
    #[serde(borrow)]
    pub verified_publisher: Shaped<VerifiedPublisher<'a>>,
    #[serde(
        rename = "accountEnabled",
        alias = "AccountEnabled",
        deserialize_with = "lenient_bool"
    )]
    pub account_enabled: Option<bool>,
    #[serde(
        rename = "servicePrincipalType",
        alias = "ServicePrincipalType",
        borrow,
        deserialize_with = "lenient"
    )]
    pub service_principal_type: Option<Text<'a>>,
    #[serde(rename = "appRoles", alias = "AppRoles")]
    #[serde(borrow)]
    pub app_roles: Shaped<Vec<Shaped<AppRole<'a>>>>,
    // oAuth2PermissionGrant
    #[serde(
        rename = "clientId",
        alias = "ClientId",
        borrow,
        deserialize_with = "lenient"
    )]
    pub client_id: Option<Text<'a>>,
    #[serde(
        rename = "consentType",
        alias = "ConsentType",
        borrow,
        deserialize_with = "lenient"
    )]
    pub consent_type: Option<Text<'a>>,
    #[serde(
        rename = "principalId",
        alias = "PrincipalId",
        borrow,
        deserialize_with = "lenient"
    )]
    pub principal_id: Option<Text<'a>>,
    #[serde(
        rename = "resourceId",
        alias = "ResourceId",
        borrow,
        deserialize_with = "lenient"
    )]
    pub resource_id: Option<Text<'a>>,
    #[serde(alias = "Scope", borrow, deserialize_with = "lenient")]
    pub scope: Option<Text<'a>>,
    // appRoleAssignment
    #[serde(
        rename = "appRoleId",
        alias = "AppRoleId",
        borrow,
        deserialize_with = "lenient"
    )]
    pub app_role_id: Option<Text<'a>>,
    #[serde(
        rename = "principalType",
        alias = "PrincipalType",
        borrow,
        deserialize_with = "lenient"
    )]
    pub principal_type: Option<Text<'a>>,
    #[serde(
        rename = "resourceDisplayName",
        alias = "ResourceDisplayName",
        borrow,
        deserialize_with = "lenient"
    )]
    pub resource_display_name: Option<Text<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct VerifiedPublisher<'a> {
    #[serde(
        rename = "displayName",
        alias = "DisplayName",
        borrow,
        deserialize_with = "lenient"
    )]
    pub display_name: Option<Text<'a>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(default)]
pub struct AppRole<'a> {
    #[serde(alias = "Id", borrow, deserialize_with = "lenient")]
    pub id: Option<Text<'a>>,
    #[serde(alias = "Value", borrow, deserialize_with = "lenient")]
    pub value: Option<Text<'a>>,
}

/// A whole response (`{"@odata.context": …, "value": [...]}`, also Windows PowerShell's
/// `{"value": [...], "Count": n}` wrapping of an array). Exports are read entity by entity as
/// they are parsed; this whole shape is parsed only again after a failure, to name the member
/// that was wrong.
#[derive(Debug, Deserialize)]
#[allow(dead_code)]
pub struct Document<'a> {
    #[serde(
        rename = "@odata.context",
        default,
        borrow,
        deserialize_with = "lenient"
    )]
    pub context: Option<Text<'a>>,
    #[serde(
        rename = "@odata.nextLink",
        default,
        borrow,
        deserialize_with = "lenient"
    )]
    pub next_link: Option<Text<'a>>,
    #[serde(default, borrow)]
    pub value: Option<Vec<Entry<'a>>>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum EntityKind {
    ServicePrincipal,
    Grant,
    Assignment,
}

impl EntityKind {
    pub fn label(self) -> &'static str {
        match self {
            EntityKind::ServicePrincipal => "servicePrincipal",
            EntityKind::Grant => "oAuth2PermissionGrant",
            EntityKind::Assignment => "appRoleAssignment",
        }
    }
}

impl Entry<'_> {
    /// What the entry is: by `@odata.type` when present, else by its members.
    pub fn kind(&self) -> Option<EntityKind> {
        let by_type = self.odata_type.as_deref().and_then(|t| {
            match t.trim_start_matches('#').to_ascii_lowercase().as_str() {
                "microsoft.graph.serviceprincipal" => Some(EntityKind::ServicePrincipal),
                "microsoft.graph.oauth2permissiongrant" => Some(EntityKind::Grant),
                "microsoft.graph.approleassignment" => Some(EntityKind::Assignment),
                _ => None,
            }
        });
        by_type.or(if self.app_role_id.is_some() {
            Some(EntityKind::Assignment)
        } else if self.client_id.is_some() && (self.consent_type.is_some() || self.scope.is_some())
        {
            Some(EntityKind::Grant)
        } else if self.app_id.is_some() {
            Some(EntityKind::ServicePrincipal)
        } else {
            None
        })
    }
}

//! The district's congress, handling units, deputies (S000-1…S000-6), standing committee,
//! homes and stations (R-D1), and the deputies who leave during the term.

use super::rng::{DemoRng, Stream};
use super::timeline::Timeline;
use super::{ymd, DemoConfig};
use crate::actor::{Actor, Role};
use crate::command::Command;
use crate::deputy::{
    CommitteePost, DeputyProfile, Education, ElectedBy, Gender, Party, TerminationReason,
};
use crate::error::Result;
use crate::ids::{CongressId, DeputyId, StationId, TierId, UnitId};
use crate::registry::Level;
use crate::vote::Vote;
use chrono::{Datelike, NaiveDate};

/// The district departments of `scripts/make_demo_data.py`: id, name, topics of suggestions.
pub(crate) const DEPARTMENTS: [(&str, &str, &[&str]); 16] = [
    (
        "edu",
        "区教委 / Education Commission",
        &[
            "增加幼儿园学位",
            "中小学课后服务",
            "学校周边交通安全",
            "职业教育实训基地",
        ],
    ),
    (
        "transport",
        "区交通委 / Transport Commission",
        &[
            "优化公交线路",
            "增设路口信号灯",
            "缓解学校周边拥堵",
            "完善慢行系统",
        ],
    ),
    (
        "health",
        "区卫健委 / Health Commission",
        &["社区卫生服务中心扩容", "老年人就医便利", "家庭医生签约服务"],
    ),
    (
        "housing",
        "区住建委 / Housing and Construction",
        &["老旧小区加装电梯", "老旧小区综合整治", "保障性住房配建"],
    ),
    (
        "civil",
        "区民政局 / Civil Affairs Bureau",
        &["社区养老驿站建设", "困难群体救助", "社区治理能力提升"],
    ),
    (
        "env",
        "区生态环境局 / Ecology and Environment",
        &["河道水环境治理", "餐饮油烟治理", "建筑工地扬尘管控"],
    ),
    (
        "city",
        "区城管委 / City Management",
        &["垃圾分类设施完善", "背街小巷环境整治", "停车设施建设"],
    ),
    (
        "market",
        "区市场监管局 / Market Regulation",
        &["校园食品安全", "农贸市场规范管理"],
    ),
    (
        "culture",
        "区文旅局 / Culture and Tourism",
        &["公共文化设施开放", "历史文化街区保护"],
    ),
    (
        "finance",
        "区财政局 / Finance Bureau",
        &["区级预算绩效管理", "政府债务风险防控"],
    ),
    (
        "hr",
        "区人社局 / Human Resources and Social Security",
        &["高校毕业生就业服务", "灵活就业人员社保"],
    ),
    (
        "planning",
        "规自分局 / Planning and Natural Resources",
        &["城市更新规划", "绿地公园建设"],
    ),
    (
        "water",
        "区水务局 / Water Authority",
        &["雨污分流改造", "防汛排涝设施"],
    ),
    (
        "police",
        "公安分局 / Public Security",
        &["社区治安防控", "电动自行车管理"],
    ),
    (
        "sci",
        "区科委 / Science and Technology",
        &["中关村科技企业服务", "科技成果转化"],
    ),
    (
        "sports",
        "区体育局 / Sports Bureau",
        &["全民健身场地建设", "学校体育场馆开放"],
    ),
];

/// How often each department leads a suggestion (`scripts/make_demo_data.py`).
pub(crate) const DEPARTMENT_WEIGHTS: [u32; 16] =
    [14, 12, 11, 10, 9, 8, 8, 5, 4, 3, 4, 5, 4, 5, 3, 3];

/// Organs that report to the standing committee but handle no suggestions.
const ORGANS: [(&str, &str); 3] = [
    ("gov", "区人民政府 / District Government"),
    ("court", "区人民法院 / District Court"),
    ("procuratorate", "区人民检察院 / District Procuratorate"),
];

const STREETS: [&str; 12] = [
    "东湖", "西山", "南苑", "北辰", "滨河", "杏坛", "柳荫", "云岭", "春晖", "青松", "翠微", "石桥",
];
const SURNAMES: &str =
    "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕";
const GIVEN: &str = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰";

/// Deputies of the term who leave it (S000-5 counts 433 in office of 445 elected).
const LEAVERS_PER_445: u32 = 12;

/// One deputy of the plan.
pub(crate) struct PlannedDeputy {
    pub(crate) id: DeputyId,
    pub(crate) actor: Actor,
    name: String,
    profile: DeputyProfile,
    /// Index of the station (and through it the home).
    pub(crate) station: usize,
    /// The day the deputy leaves, if they do.
    pub(crate) leaves: Option<(NaiveDate, TerminationReason)>,
}

/// A home or station.
pub(crate) struct PlannedStation {
    pub(crate) id: StationId,
    name: String,
    tier: TierId,
    /// For a station: index of its home.
    pub(crate) home: Option<usize>,
}

/// The fixed actors of a district.
pub(crate) struct Actors {
    pub(crate) admin: Actor,
    pub(crate) office: Actor,
    pub(crate) standing_committee: Actor,
    pub(crate) directors: Actor,
    pub(crate) committee: Actor,
    pub(crate) government: Actor,
    pub(crate) street: Actor,
}

/// The district as planned for the whole term.
pub(crate) struct Roster {
    /// District index.
    pub(crate) k: u32,
    /// Id prefix (empty for a single district).
    pub(crate) prefix: String,
    pub(crate) congress: CongressId,
    pub(crate) deputies: Vec<PlannedDeputy>,
    /// Indexes of the standing-committee members, director first, then the vice directors.
    pub(crate) committee: Vec<usize>,
    /// Indexes of the deputies who serve the whole term and sit on no committee: those who
    /// lead and co-sign suggestions and motions.
    pub(crate) stayers: Vec<usize>,
    /// District departments: ids, names, topics.
    pub(crate) departments: Vec<(UnitId, String, Vec<String>)>,
    pub(crate) department_weights: Vec<u32>,
    /// The government and the other organs.
    pub(crate) organs: Vec<UnitId>,
    /// Homes, then stations.
    pub(crate) homes: Vec<PlannedStation>,
    pub(crate) stations: Vec<PlannedStation>,
    pub(crate) actors: Actors,
}

/// The congress id of district `k`.
pub(crate) fn congress_id(config: &DemoConfig, k: u32) -> Result<CongressId> {
    CongressId::new(format!("{}-17", code(config, k)))
}

fn code(config: &DemoConfig, k: u32) -> String {
    if config.districts == 1 {
        "demo".into()
    } else {
        format!("d{:04}", k + 1)
    }
}

/// Exactly `count` of `n` positions, chosen at random.
fn exact(rng: &mut DemoRng, n: usize, count: usize) -> Vec<bool> {
    let mut v: Vec<bool> = (0..n).map(|i| i < count).collect();
    rng.shuffle(&mut v);
    v
}

/// `part` of 445, scaled to `n`.
fn scaled(n: u32, part: u32) -> usize {
    ((u64::from(n) * u64::from(part) + 222) / 445) as usize
}

impl Roster {
    /// Plans district `k`.
    pub(crate) fn plan(config: &DemoConfig, k: u32) -> Result<Self> {
        let mut rng = DemoRng::new(config.seed, k, config.first_year, Stream::Roster);
        let prefix = if config.districts == 1 {
            String::new()
        } else {
            format!("{}.", code(config, k))
        };
        let n = config.deputies as usize;
        // S000-2…S000-4: 436 college or above, 247 of them postgraduate, 179 re-elected.
        let college = exact(&mut rng, n, scaled(config.deputies, 436));
        let re_elected = exact(&mut rng, n, scaled(config.deputies, 179));
        let resident = exact(&mut rng, n, scaled(config.deputies, 280));
        let surnames: Vec<char> = SURNAMES.chars().collect();
        let given: Vec<char> = GIVEN.chars().collect();
        let mut postgraduate_left = scaled(config.deputies, 247);
        let mut college_left = college.iter().filter(|&&c| c).count();
        let mut deputies = Vec::with_capacity(n);
        for i in 0..n {
            let id = DeputyId::new(format!("{prefix}D{:03}", i + 1))?;
            let mut name = String::new();
            name.push(*rng.pick(&surnames));
            name.push(*rng.pick(&given));
            if rng.chance(600) {
                name.push(*rng.pick(&given));
            }
            let education = if !college[i] {
                Education::SecondaryOrBelow
            } else {
                // Postgraduates drawn without replacement among the college-educated.
                let pg = rng.below(college_left as u64) < postgraduate_left as u64;
                college_left -= 1;
                if pg {
                    postgraduate_left -= 1;
                    if rng.chance(250) {
                        Education::Doctorate
                    } else {
                        Education::Master
                    }
                } else if rng.chance(850) {
                    Education::Bachelor
                } else {
                    Education::College
                }
            };
            let station = i % config.stations as usize;
            let street = STREETS[(station % config.homes as usize) % STREETS.len()];
            let profile = DeputyProfile {
                gender: Some(if rng.chance(330) {
                    Gender::Female
                } else {
                    Gender::Male
                }),
                ethnicity: Some(if rng.chance(60) { "回族" } else { "汉族" }.into()),
                elected_by: Some(ElectedBy::Constituency(format!("第{}选区", i / 2 + 1))),
                delegation: Some(format!("{street}代表团")),
                resident_unit: Some(resident[i]),
                education: Some(education),
                re_elected: Some(re_elected[i]),
                party: Some(match rng.below(100) {
                    0..=64 => Party::Cpc,
                    65..=79 => Party::DemocraticParty,
                    _ => Party::NonParty,
                }),
                ..DeputyProfile::default()
            };
            deputies.push(PlannedDeputy {
                actor: Actor::new(Role::Deputy, id.as_str())?,
                id,
                name,
                profile,
                station,
                leaves: None,
            });
        }
        // The standing committee: the first members of the roster (S000-6).
        let committee: Vec<usize> = (0..config.standing_committee as usize).collect();
        // Leavers: from the others, spread over the term's years (not the first month).
        let mut others: Vec<usize> = (committee.len()..n).collect();
        rng.shuffle(&mut others);
        let leavers = (scaled(config.deputies, LEAVERS_PER_445)).min(others.len() / 4);
        for (j, &i) in others[..leavers].iter().enumerate() {
            let year = config.first_year + (j % 5) as i32;
            let day = ymd(year, 3 + rng.below(8) as u32, 1 + rng.below(28) as u32);
            let reason = match rng.below(4) {
                0 => TerminationReason::Resigned,
                1 => TerminationReason::Died,
                _ => TerminationReason::MovedOut,
            };
            deputies[i].leaves = Some((day, reason));
        }
        let mut stayers: Vec<usize> = others[leavers..].to_vec();
        stayers.sort_unstable();
        let mut departments = Vec::new();
        let mut department_weights = Vec::new();
        for u in 0..config.units as usize {
            match DEPARTMENTS.get(u).zip(DEPARTMENT_WEIGHTS.get(u)) {
                Some(((id, name, topics), weight)) => {
                    departments.push((
                        UnitId::new(format!("{prefix}{id}"))?,
                        (*name).to_string(),
                        topics.iter().map(|t| (*t).to_string()).collect(),
                    ));
                    department_weights.push(*weight);
                }
                None => {
                    departments.push((
                        UnitId::new(format!("{prefix}dept{:03}", u + 1))?,
                        format!("区第{}部门 / Department {}", u + 1, u + 1),
                        vec![format!("第{}部门职责范围内的民生问题", u + 1)],
                    ));
                    department_weights.push(3);
                }
            }
        }
        let organs = ORGANS
            .iter()
            .map(|(id, _)| UnitId::new(format!("{prefix}{id}")))
            .collect::<Result<Vec<_>>>()?;
        let home_tier = TierId::new("home")?;
        let station_tier = TierId::new("station")?;
        let homes = (0..config.homes as usize)
            .map(|h| {
                Ok(PlannedStation {
                    id: StationId::new(format!("{prefix}H{:02}", h + 1))?,
                    name: format!("{}街道代表之家", STREETS[h % STREETS.len()]),
                    tier: home_tier.clone(),
                    home: None,
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let stations = (0..config.stations as usize)
            .map(|s| {
                let h = s % config.homes as usize;
                Ok(PlannedStation {
                    id: StationId::new(format!("{prefix}ST{:02}", s + 1))?,
                    name: format!(
                        "{}街道第{}代表联络站",
                        STREETS[h % STREETS.len()],
                        s / config.homes as usize + 1
                    ),
                    tier: station_tier.clone(),
                    home: Some(h),
                })
            })
            .collect::<Result<Vec<_>>>()?;
        let actors = Actors {
            admin: Actor::new(Role::Admin, "admin")?,
            office: Actor::new(Role::DeputyAffairsOffice, &format!("{prefix}office"))?,
            standing_committee: Actor::new(Role::StandingCommittee, &format!("{prefix}sc"))?,
            directors: Actor::new(Role::DirectorMeeting, &format!("{prefix}directors"))?,
            committee: Actor::new(Role::SpecialCommittee, &format!("{prefix}committee"))?,
            government: Actor::new(Role::GovernmentOffice, &format!("{prefix}gov"))?,
            street: Actor::new(Role::StreetWorkingCommittee, &format!("{prefix}street"))?,
        };
        Ok(Self {
            k,
            prefix,
            congress: congress_id(config, k)?,
            deputies,
            committee,
            stayers,
            departments,
            department_weights,
            organs,
            homes,
            stations,
            actors,
        })
    }

    /// Whether deputy `i` serves through the end of `year`'s activities (leavers drop out of
    /// the year they leave in).
    pub(crate) fn serves_in(&self, i: usize, year: i32) -> bool {
        self.deputies[i]
            .leaves
            .as_ref()
            .is_none_or(|(day, _)| day.year() > year)
    }

    /// The deputies of station `s` who serve in `year`.
    pub(crate) fn station_members(&self, s: usize, year: i32) -> Vec<usize> {
        let n = self.stations.len();
        (s..self.deputies.len())
            .step_by(n)
            .filter(|&i| self.serves_in(i, year))
            .collect()
    }

    /// The deputies of home `h` who serve in `year`.
    pub(crate) fn home_members(&self, h: usize, year: i32) -> Vec<usize> {
        let mut out = Vec::new();
        for (s, st) in self.stations.iter().enumerate() {
            if st.home == Some(h) {
                out.extend(self.station_members(s, year));
            }
        }
        out.sort_unstable();
        out
    }

    /// The deputies serving in `year`.
    pub(crate) fn serving(&self, year: i32) -> Vec<usize> {
        (0..self.deputies.len())
            .filter(|&i| self.serves_in(i, year))
            .collect()
    }

    /// A handling unit's actor.
    pub(crate) fn unit_actor(unit: &UnitId) -> Result<Actor> {
        Actor::new(Role::HandlingUnit, unit.as_str())
    }

    /// Plans the registrations at the start of the term, and the departures.
    pub(crate) fn register(&self, config: &DemoConfig, tl: &mut Timeline) -> Result<()> {
        let a = &self.actors;
        let day = config.term_start();
        let population = 3_130_000u64 * u64::from(config.deputies) / 445;
        tl.push(
            day,
            8,
            &a.admin,
            Command::RegisterCongress {
                congress: self.congress.clone(),
                name: format!(
                    "示例区第十七届人民代表大会{} / 17th People's Congress of Demo District{}",
                    if self.k == 0 && config.districts == 1 {
                        String::new()
                    } else {
                        format!("（{}）", self.k + 1)
                    },
                    if config.districts == 1 {
                        String::new()
                    } else {
                        format!(" {}", self.k + 1)
                    }
                ),
                level: Level::County,
                term: 17,
                term_start: config.term_start(),
                term_end: config.term_end(),
                population: Some(population.max(1)),
            },
        );
        for (id, name, _) in &self.departments {
            tl.push(
                day,
                8,
                &a.admin,
                Command::RegisterUnit {
                    unit: id.clone(),
                    name: name.clone(),
                },
            );
        }
        for (id, (_, name)) in self.organs.iter().zip(ORGANS.iter()) {
            tl.push(
                day,
                8,
                &a.admin,
                Command::RegisterUnit {
                    unit: id.clone(),
                    name: (*name).to_string(),
                },
            );
        }
        for d in &self.deputies {
            tl.push(
                day,
                9,
                &a.office,
                Command::RegisterDeputy {
                    deputy: d.id.clone(),
                    congress: self.congress.clone(),
                    name: d.name.clone(),
                    contact: None,
                    profile: d.profile.clone(),
                    elected_on: None,
                    mandate: Default::default(),
                },
            );
        }
        // S000-6: 45 members, 24 of them new this term.
        let new_members = exact(
            &mut DemoRng::new(config.seed, self.k, config.first_year, Stream::Meetings),
            self.committee.len(),
            self.committee.len() * 24 / 45,
        );
        for (j, &i) in self.committee.iter().enumerate() {
            let post = match j {
                0 => CommitteePost::Director,
                1..=6 => CommitteePost::ViceDirector,
                7 => CommitteePost::SecretaryGeneral,
                _ => CommitteePost::Member,
            };
            tl.push(
                day,
                10,
                &a.office,
                Command::JoinStandingCommittee {
                    deputy: self.deputies[i].id.clone(),
                    post,
                    full_time: j < 8 || j % 4 == 0,
                    can_serve_two_terms: Some(j % 3 != 0),
                    new_this_term: Some(new_members[j]),
                },
            );
        }
        for (h, group) in [(true, &self.homes), (false, &self.stations)] {
            for s in group.iter() {
                tl.push(
                    day,
                    11,
                    &a.office,
                    Command::RegisterStation {
                        station: s.id.clone(),
                        congress: self.congress.clone(),
                        name: s.name.clone(),
                        tier: s.tier.clone(),
                        parent: s.home.map(|h| self.homes[h].id.clone()),
                        legislative_contact_point: h && s.id.as_str().ends_with("01"),
                    },
                );
            }
        }
        for d in &self.deputies {
            let st = &self.stations[d.station];
            for station in [
                st.home.map(|h| self.homes[h].id.clone()),
                Some(st.id.clone()),
            ]
            .into_iter()
            .flatten()
            {
                tl.push(
                    day,
                    12,
                    &a.office,
                    Command::AssignStation {
                        deputy: d.id.clone(),
                        station,
                    },
                );
            }
        }
        // Departures (L-9 resignations voted by the standing committee, L-11 terminations).
        let members = self.committee.len() as u32;
        for d in &self.deputies {
            let Some((day, reason)) = &d.leaves else {
                continue;
            };
            if *reason == TerminationReason::Resigned {
                tl.push(
                    *day,
                    9,
                    &d.actor,
                    Command::SubmitResignation {
                        deputy: d.id.clone(),
                    },
                );
                let present = members - 3;
                tl.push(
                    *day + chrono::Days::new(20),
                    15,
                    &a.standing_committee,
                    Command::DecideResignation {
                        deputy: d.id.clone(),
                        vote: Vote {
                            members,
                            present,
                            yes: present - 1,
                            no: 0,
                            abstain: 1,
                        },
                    },
                );
            } else {
                tl.push(
                    *day,
                    9,
                    &a.office,
                    Command::TerminateQualification {
                        deputy: d.id.clone(),
                        reason: *reason,
                    },
                );
            }
        }
        Ok(())
    }
}

#!/usr/bin/env python3
"""Writes tests/rosters/haidian-2016.json: the roster of the Haidian district congress elected
in November 2016 (区十六届, seed [000]; domain.md §4.1), as command envelopes in the wire form of
tests/scenarios/*.json (without `expect`). Deterministic: run it again and the file is the same.

    python3 tests/rosters/make-haidian-2016.py

What comes from the seed [000] (domain.md §4.1):
  S000-1  445 deputies elected in November 2016 (区十六届; first session December 2016)
  S000-2  436 with college education or above (97.98 %)
  S000-3  247 postgraduates (stated 57.75 %: inconsistent, 247/445 = 55.51 %; kept as 247)
  S000-4  179 re-elected (40.22 %)
  S000-6  45 standing-committee members, 24 new this term
  S000-7  all 45 with university education; 23 postgraduates, 10 doctorates
  S000-8  433 deputies in office in 2017; 357 person-times took part in activities in 2017

What is NOT in the seed and is chosen here (illustrative, so the figures above reproduce):
  - names, ids (D001..D445), posts on the standing committee, all dates below except the month
    of the election and of the first session;
  - term 2016-11-15 .. 2021-11-14 (five years, L-8); population 3,130,000 (any population over
    1.55 million gives the capped quota 450 (L-7) and over 1 million the SC cap 45 (L-6));
  - the 12 deputies whose qualification ended in 2017 (445 - 433), all for `moved_out`, one a
    month, none of them on the standing committee;
  - S000-5 (驻区单位 62.8 %) cannot be reproduced over 445; the roster follows domain.md's
    hypothesis that it is 272 of the 433 deputies in office, so 272 resident-unit deputies, none
    among the 12 who left;
  - S000-7 is read as "23 postgraduates, of whom 10 doctorates" (13 master + 10 doctorate);
  - the split of college / bachelor and master / doctorate outside the standing committee;
  - the 2017 activities: 7 rounds of 联系选民月 voter contact with 51 deputies each (357
    person-times by 300 distinct deputies), plus one activity before and one after 2017 that a
    2017 window must leave out;
  - gender and party are not recorded (the composition reports them as missing).
"""

import json
import os

CONGRESS = "hd-16"
ADMIN = {"role": "admin", "id": "admin"}
OFFICE = {"role": "deputy_affairs_office", "id": "office"}

N = 445
SC = range(1, 46)  # D001..D045
SC_NOT_NEW = range(1, 22)  # D001..D021: 21 continuing members; D022..D045: 24 new (S000-6)
TERMINATED = [46 + 30 * k for k in range(12)]  # D046, D076, ..., D376


def did(i):
    return f"D{i:03d}"


def education(i):
    # Standing committee (S000-7): 10 doctorates, 13 masters, 22 bachelors.
    if i <= 10:
        return "doctorate"
    if i <= 23:
        return "master"
    if i <= 45:
        return "bachelor"
    # The other 400: 40 doctorates + 184 masters (postgraduates 10+13+40+184 = 247, S000-3),
    # 20 college + 147 bachelor, 9 secondary or below (college or above 445-9 = 436, S000-2).
    if i <= 85:
        return "doctorate"
    if i <= 269:
        return "master"
    if i <= 289:
        return "college"
    if i <= 436:
        return "bachelor"
    return "secondary_or_below"


def re_elected(i):
    # S000-4: 179 = D001..D021 (continuing SC members) + D046..D203 (158).
    return i <= 21 or 46 <= i <= 203


def resident_unit(i):
    # 272 = D046..D327 (282) less the 10 terminated deputies in that range.
    return 46 <= i <= 327 and i not in TERMINATED


def post(i):
    if i == 1:
        return "director"
    if i <= 8:
        return "vice_director"
    if i == 9:
        return "secretary_general"
    return "member"


def env(at, actor, command):
    return {"at": at, "actor": actor, "command": command}


def main():
    assert sum(1 for i in range(1, N + 1) if education(i) != "secondary_or_below") == 436
    assert sum(1 for i in range(1, N + 1) if education(i) in ("master", "doctorate")) == 247
    assert sum(1 for i in range(1, N + 1) if re_elected(i)) == 179
    assert sum(1 for i in range(1, N + 1) if resident_unit(i)) == 272
    assert all(i not in SC for i in TERMINATED)
    assert all(re_elected(i) for i in SC_NOT_NEW)

    out = [
        env(
            "2016-11-15T09:00:00+08:00",
            ADMIN,
            {
                "type": "register_congress",
                "congress": CONGRESS,
                "name": "北京市海淀区第十六届人民代表大会",
                "level": "county",
                "term": 16,
                "term_start": "2016-11-15",
                "term_end": "2021-11-14",
                "population": 3130000,
            },
        )
    ]
    for i in range(1, N + 1):
        out.append(
            env(
                "2016-11-15T10:00:00+08:00",
                OFFICE,
                {
                    "type": "register_deputy",
                    "deputy": did(i),
                    "congress": CONGRESS,
                    "name": f"海淀区代表{i:03d}",
                    "profile": {
                        "education": education(i),
                        "re_elected": re_elected(i),
                        "resident_unit": resident_unit(i),
                    },
                },
            )
        )

    # First session, December 2016: the standing committee (S000-6) and a training outside 2017.
    for i in SC:
        out.append(
            env(
                "2016-12-20T10:00:00+08:00",
                OFFICE,
                {
                    "type": "join_standing_committee",
                    "deputy": did(i),
                    "post": post(i),
                    "new_this_term": i not in SC_NOT_NEW,
                },
            )
        )
    out.append(
        env(
            "2016-12-27T10:00:00+08:00",
            OFFICE,
            {
                "type": "record_activity",
                "activity": "A2016-training",
                "congress": CONGRESS,
                "kind": "training",
                "on": "2016-12-27",
                "title": "区十六届人大代表履职培训",
                "participants": [did(i) for i in range(46, 86)],
            },
        )
    )

    # 2017: one termination a month (the 15th/16th) and 7 rounds of voter contact.
    dated = []
    for k, i in enumerate(TERMINATED):
        day = f"2017-{k + 1:02d}-15"
        dated.append(
            (
                day,
                0,
                env(
                    f"{day}T10:00:00+08:00",
                    OFFICE,
                    {"type": "terminate_qualification", "deputy": did(i), "reason": "moved_out"},
                ),
            )
        )
    staying = [i for i in range(1, N + 1) if i not in TERMINATED]
    assert len(staying) == 433
    pool = staying[:300]
    rounds = ["03-21", "04-18", "05-16", "06-20", "09-19", "10-17", "11-21"]
    for k, md in enumerate(rounds):
        day = f"2017-{md}"
        participants = [did(pool[(k * 51 + j) % len(pool)]) for j in range(51)]
        dated.append(
            (
                day,
                1,
                env(
                    f"{day}T15:00:00+08:00",
                    OFFICE,
                    {
                        "type": "record_activity",
                        "activity": f"A2017-{k + 1}",
                        "congress": CONGRESS,
                        "kind": "voter_contact",
                        "on": day,
                        "title": f"2017年代表联系选民活动（第{k + 1}批）",
                        "participants": participants,
                    },
                ),
            )
        )
    dated.sort(key=lambda t: (t[0], t[1]))
    out.extend(e for _, _, e in dated)

    out.append(
        env(
            "2018-01-16T10:00:00+08:00",
            OFFICE,
            {
                "type": "record_activity",
                "activity": "A2018-1",
                "congress": CONGRESS,
                "kind": "voter_contact",
                "on": "2018-01-16",
                "title": "2018年代表进社区活动",
                "participants": [did(i) for i in range(1, 11)],
            },
        )
    )

    assert sum(
        len(e["command"]["participants"])
        for e in out
        if e["command"]["type"] == "record_activity" and e["command"]["on"].startswith("2017")
    ) == 357

    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "haidian-2016.json")
    with open(path, "w", encoding="utf-8") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(e, ensure_ascii=False, separators=(",", ":")) for e in out))
        f.write("\n]\n")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes tests/scenarios/c_s001_haidian_2024.json: the suggestion handling of the Haidian
district congress in 2024 (区十七届, the mid-term year; seed [001], domain.md §4.2), as a shared
scenario whose queries reproduce the figures the seed states. Deterministic: run it again and the
file is the same.

    python3 scripts/make-haidian-2024.py

What comes from the seed [001] (domain.md §4.2; the expected values of the queries):
  S001-13  203 suggestions made during the 2024 session and 3 in recess, 206 in all, all replied
           (全部办复); 126 of them solved or progressing (A or B): 126 / 206 = 61.2 %
  S001-15  5 suggestions under key supervision by the standing committee; the director meeting
           heard the topic report; 3 solved (增设"通学车" among them), 2 with major progress
  S001-16  the "列入计划" ledger this term: 29 suggestions, 13 solved, 16 progressing
           (13 / 29 = 44.8 %, derived in domain.md §4.2)

What is NOT in the seed and is chosen here (illustrative, so the figures above reproduce):
  - ids (D001..D060, S2024-001.., S2022-.., S2023-..), deputies' names, units, titles, topics
    and every date (session suggestions made on 2024-01-08, assigned at the 交办会 on
    2024-01-25; recess ones in May, July and September);
  - 60 lead deputies (not the whole congress); the term 2021-11-01 .. 2026-10-31;
  - the split of the 126 into A and B (70 A and 56 B at the first reply, 7 of the B placed in
    the plan ledger) and of the other 80 into C (52) and D (28);
  - the 29 ledger entries by year of entry: 12 in 2022, 10 in 2023 and 7 in 2024 (the 2024
    ones among the 206); solved (second reply A): 8 + 4 + 1; progressing: 4 + 6 + 6, of which
    three were given a second reply B and the rest still await it;
  - which 5 of the 206 are key suggestions, who recommended them (street working committees)
    and when the outcomes were heard (2024-11-28);
  - no ratings besides the lead deputies' "satisfied" that place the plan-ledger replies in the
    plan (R-S5), so rating figures are not part of this data set.
"""

import json
import os

CONGRESS = "hd-17"
ADMIN = {"role": "admin", "id": "admin"}
OFFICE = {"role": "deputy_affairs_office", "id": "office"}
SC = {"role": "standing_committee", "id": "sc"}
DIRECTORS = {"role": "director_meeting", "id": "directors"}
STREET = {"role": "street_working_committee", "id": "street"}

UNITS = [
    ("jw", "区教委", "教育"),
    ("jtw", "区交通委", "交通"),
    ("zjw", "区住房城乡建设委", "城市建设"),
    ("cgw", "区城市管理委", "城市管理"),
    ("wjw", "区卫生健康委", "卫生健康"),
    ("mzj", "区民政局", "民政"),
    ("sthj", "区生态环境局", "生态环境"),
    ("scjg", "区市场监管局", "市场监管"),
    ("ghfj", "市规划自然资源委海淀分局", "规划"),
    ("ylj", "区园林绿化局", "园林绿化"),
    ("wlj", "区文化和旅游局", "文化旅游"),
    ("kw", "区科委", "科技"),
]

PHRASES = {
    "jw": ["增加幼儿园学位供给", "推进集团化办学", "加强中小学课后服务", "缓解入学难", "改善学校体育设施"],
    "jtw": ["增设通学车", "优化公交线网", "治理学校周边交通拥堵", "缓解地铁站接驳难", "完善慢行系统"],
    "zjw": ["推进老旧小区综合整治", "加快老旧小区加装电梯", "加强物业管理", "推进保障房建设", "整治群租房"],
    "cgw": ["深化生活垃圾分类", "整治背街小巷环境", "规范共享单车停放", "增设公共停车设施", "治理占道经营"],
    "wjw": ["加强社区卫生服务", "推进家庭医生签约", "优化医院预约挂号", "加强心理健康服务", "提升急救响应能力"],
    "mzj": ["发展社区居家养老服务", "增加养老助餐点", "完善残疾人服务", "加强未成年人保护", "规范社会组织管理"],
    "sthj": ["治理餐饮油烟扰民", "加强河道水环境治理", "治理施工噪声", "推进清洁取暖", "加强扬尘管控"],
    "scjg": ["加强食品安全监管", "规范校外培训收费", "整治预付卡消费", "加强电梯安全监管", "规范农贸市场"],
    "ghfj": ["优化公共服务设施布局", "盘活闲置低效用地", "推进城市更新", "完善地下空间利用", "规范违法建设治理"],
    "ylj": ["增加口袋公园", "推进绿道建设", "加强古树名木保护", "提升公园服务设施", "推进留白增绿"],
    "wlj": ["加强公共文化服务", "推进文物保护利用", "丰富社区文化活动", "发展夜间文化消费", "加强图书馆建设"],
    "kw": ["支持中关村科学城创新发展", "促进科技成果转化", "加强中小科技企业服务", "推进人工智能应用", "完善创新人才服务"],
}

NAMES = "王丽 李强 张敏 刘洋 陈静 杨帆 赵磊 黄婷 周杰 吴芳 徐明 孙悦 马超 朱琳 胡军 郭颖 何涛 高洁 林峰 罗欣".split()


def did(i):
    return f"D{i:03d}"


def step(at, actor, command, *events):
    return {"at": f"{at}T10:00:00+08:00", "actor": actor, "command": command, "expect": {"ok": list(events)}}


def main():
    steps = []
    add = steps.append
    # --- Registry -----------------------------------------------------------------------
    add(step("2022-01-04", ADMIN, {"type": "register_congress", "congress": CONGRESS,
             "name": "北京市海淀区第十七届人民代表大会", "level": "county", "term": 17,
             "term_start": "2021-11-01", "term_end": "2026-10-31"}, "congress_registered"))
    for i in range(1, 61):
        name = NAMES[(i - 1) % len(NAMES)] + ("" if i <= len(NAMES) else str((i - 1) // len(NAMES) + 1))
        add(step("2022-01-04", OFFICE, {"type": "register_deputy", "deputy": did(i), "congress": CONGRESS,
                 "name": name}, "deputy_registered"))
    for u, n, _ in UNITS:
        add(step("2022-01-04", OFFICE, {"type": "register_unit", "unit": u, "name": n}, "unit_registered"))

    def lifecycle(sid, lead, unit_index, submitted, accepted, assigned, during="session", cosigners=()):
        u, _, topic = UNITS[unit_index]
        phrases = PHRASES[u]
        title = f"关于{phrases[int(sid[-3:]) % len(phrases)]}的建议"
        cmd = {"type": "submit_suggestion", "suggestion": sid, "congress": CONGRESS, "title": title,
               "lead": did(lead), "during": during, "topic": topic}
        if cosigners:
            cmd["cosigners"] = [did(c) for c in cosigners]
        add(step(submitted, {"role": "deputy", "id": did(lead)}, cmd, "suggestion_submitted"))
        add(step(accepted, OFFICE, {"type": "accept_suggestion", "suggestion": sid}, "suggestion_accepted"))
        add(step(assigned, OFFICE, {"type": "assign_suggestion", "suggestion": sid, "lead_unit": u},
                 "suggestion_assigned"))
        return u

    def reply(at, sid, unit, result, in_plan=False, summary="答复代表"):
        cmd = {"type": "reply_suggestion", "suggestion": sid, "result": result, "summary": summary}
        if in_plan:
            cmd["in_plan"] = True
        if result == "C":
            cmd["reason"] = "受用地和资金条件限制，暂时无法解决"
        add(step(at, {"role": "handling_unit", "id": unit}, cmd, "suggestion_replied"))

    def place_in_plan(at, sid, lead):
        add(step(at, {"role": "deputy", "id": did(lead)},
                 {"type": "give_feedback", "suggestion": sid, "rating": "satisfied"},
                 "feedback_given", "placed_in_plan"))

    # --- Plan-ledger entries of 2022 and 2023 (S001-16) --------------------------------
    # Each: a category B reply "in the plan", rated satisfied by the lead deputy (R-S5).
    # `second`: (date, result) of the second reply, or None (still awaiting it).
    cohorts = {
        2022: [("2022-12-09", "A")] * 3 + [("2023-06-15", "A")] * 3 + [("2024-06-20", "A")] * 2
              + [("2023-11-20", "B")] * 2 + [None] * 2,
        2023: [("2023-12-15", "A")] * 2 + [("2024-09-20", "A")] * 2 + [("2024-10-15", "B")] + [None] * 5,
    }
    pending = []  # (date, sid, unit, result): second replies, issued in date order below
    for year, seconds in cohorts.items():
        day = {2022: ("2022-01-10", "2022-01-14", "2022-01-24", "2022-04-15", "2022-04-25"),
               2023: ("2023-01-09", "2023-01-13", "2023-01-20", "2023-04-14", "2023-04-24")}[year]
        entries = []
        for k, second in enumerate(seconds):
            sid = f"S{year}-{k + 1:03d}"
            lead = 1 + (k * 7 + year) % 60
            u = lifecycle(sid, lead, (k * 5 + year) % len(UNITS), day[0], day[1], day[2])
            entries.append((sid, lead, u, second))
        for sid, lead, u, _ in entries:
            reply(day[3], sid, u, "B", in_plan=True, summary="已列入年度工作计划，分步推进")
        for sid, lead, u, second in entries:
            place_in_plan(day[4], sid, lead)
            if second:
                pending.append((second[0], sid, u, second[1]))
        # Second replies due before the next cohort's session are given now.
        limit = {2022: "2023-01-09", 2023: "2024-01-08"}[year]
        for at, sid, u, r in sorted(p for p in pending if p[0] < limit):
            reply(at, sid, u, r, summary="再次答复：" + ("问题已解决" if r == "A" else "正在推进"))
        pending = [p for p in pending if p[0] >= limit]

    # --- The 206 suggestions of 2024 (S001-13) -----------------------------------------
    # 203 made during the session (2024-01-08), 3 in recess. First replies: 70 A, 56 B (the
    # first 7 B placed in the plan ledger), 52 C, 28 D. Five are key suggestions (S001-15).
    results = ["A"] * 70 + ["B"] * 56 + ["C"] * 52 + ["D"] * 28
    # Interleave so every unit gets a mix: the i-th suggestion takes results[(i * 37) % 206]
    # (37 is prime to 206, so this is a permutation).
    order = [results[(i * 37) % 206] for i in range(206)]
    session = []
    for i in range(203):
        sid = f"S2024-{i + 1:03d}"
        lead = 1 + i % 60
        cos = [1 + (i + 7) % 60] if i % 4 == 0 else []
        u = lifecycle(sid, lead, i % len(UNITS), "2024-01-08", "2024-01-15", "2024-01-25", cosigners=cos)
        session.append((sid, lead, u, order[i]))
    recess_days = [("2024-05-20", "2024-05-22", "2024-05-29", "2024-07-26"),
                   ("2024-07-15", "2024-07-17", "2024-07-24", "2024-09-20"),
                   ("2024-09-10", "2024-09-12", "2024-09-19", "2024-11-15")]
    recess = []
    for k, (sub, acc, asg, rep) in enumerate(recess_days):
        i = 203 + k
        sid = f"S2024-{i + 1:03d}"
        lead = 1 + (i * 11) % 60
        u = lifecycle(sid, lead, (i * 5) % len(UNITS), sub, acc, asg, during="recess")
        recess.append((sid, lead, u, order[i], rep))
    # Key suggestions (S001-15): recommended by the street working committees, designated by
    # the standing committee (W2 steps 1–2, R-S7); the 通学车 suggestion among them.
    key = [s for s in session if s[3] in "AB"][:5]
    key_sids = {s[0] for s in key}
    for sid, _, _, _ in key:
        add(step("2024-01-20", STREET, {"type": "recommend_key_suggestion", "suggestion": sid,
                 "reason": "群众关注度高，涉及面广"}, "key_suggestion_recommended"))
    for sid, _, _, _ in key:
        add(step("2024-01-22", SC, {"type": "designate_key_suggestion", "suggestion": sid,
                 "leader": "区人大常委会主任"}, "key_suggestion_designated"))
    # First replies of the session suggestions, spread over March and April (all on time:
    # due 2024-04-25). The first 7 category B replies place the suggestion in the plan.
    plan_2024 = []
    in_plan_left = 7
    reply_days = ["2024-03-15", "2024-03-29", "2024-04-12", "2024-04-19"]
    for n, (sid, lead, u, r) in enumerate(session):
        in_plan = r == "B" and sid not in key_sids and in_plan_left > 0
        if in_plan:
            in_plan_left -= 1
            plan_2024.append((sid, lead, u))
    by_day = {}
    for n, (sid, lead, u, r) in enumerate(session):
        by_day.setdefault(reply_days[n % 4], []).append((sid, lead, u, r))
    plan_sids = {p[0] for p in plan_2024}
    for at in reply_days:
        for sid, lead, u, r in by_day[at]:
            reply(at, sid, u, r, in_plan=sid in plan_sids,
                  summary="已列入年度工作计划，分步推进" if sid in plan_sids else "答复代表")
    for sid, lead, u in plan_2024:
        place_in_plan("2024-05-06", sid, lead)
    # Recess suggestions, the 2022 and 2023 second replies still due, and the one 2024 plan
    # entry solved in 2024: in date order.
    later = [(rep, "recess", (sid, u, r)) for sid, lead, u, r, rep in recess]
    later += [(at, "second", (sid, u, r)) for at, sid, u, r in pending]
    later.append(("2024-11-20", "second", (plan_2024[0][0], plan_2024[0][2], "A")))
    for at, kind, (sid, u, r) in sorted(later):
        summary = "答复代表" if kind == "recess" else ("再次答复：问题已解决" if r == "A" else "再次答复：正在推进")
        cmd = {"type": "reply_suggestion", "suggestion": sid, "result": r, "summary": summary}
        if r == "C":
            cmd["reason"] = "受用地和资金条件限制，暂时无法解决"
        add(step(at, {"role": "handling_unit", "id": u}, cmd, "suggestion_replied"))
    # The director meeting hears the key suggestions' outcomes (W2 step 6): 3 solved, 2 major
    # progress.
    for n, (sid, _, _, _) in enumerate(key):
        add(step("2024-11-28", DIRECTORS, {"type": "record_key_outcome", "suggestion": sid,
                 "outcome": "solved" if n < 3 else "major_progress"}, "key_outcome_recorded"))
    # Commands go to the ledger in time order; the sort is stable, so steps of one day keep
    # the order they were written in (a submission before its acceptance, and so on).
    steps.sort(key=lambda s: s["at"])

    # The 通学车 suggestion: make sure one of the solved key suggestions is about it.
    first_key = key[0][0]
    for s in steps:
        if s["command"].get("suggestion") == first_key and s["command"]["type"] == "submit_suggestion":
            s["command"]["title"] = "关于增设中小学\"通学车\"的建议"

    year_2024 = {"congress": CONGRESS, "submitted_from": "2024-01-01", "submitted_to": "2024-12-31"}
    scenario = {
        "name": "S001-13, S001-15, S001-16, W1, W2 step 6, R-S5: Haidian 2024 (seed [001]) — 203 session and 3 recess suggestions all replied, 126 of 206 solved or progressing = 61.2 %; 5 key suggestions, 3 solved and 2 with major progress; the plan ledger of the term 29 = 13 solved + 16 progressing",
        "rules": {"preset": "national"},
        "steps": steps,
        "figures": [
            {"as_of": "2024-12-31", "filter": year_2024, "expect": {
                "counts": {"submitted": 206, "during_session": 203, "during_recess": 3,
                           "accepted": 206, "assigned": 206, "replied": 206},
                "reply_rate": {"numerator": 206, "denominator": 206, "percent": "100.0"},
                "solved_or_progressing_rate": {"numerator": 126, "denominator": 206, "percent": "61.2"}}},
        ],
        "queries": [
            {"query": "plan_ledger", "congress": CONGRESS, "as_of": "2024-12-31", "expect": {
                "total": {"entered": 29, "solved": 13, "progressing": 16,
                          "solved_rate": {"numerator": 13, "denominator": 29, "percent": "44.8"}}}},
            {"query": "key_figures", "congress": CONGRESS, "as_of": "2024-12-31", "expect": {
                "designated": 5, "outcomes": {"solved": 3, "major_progress": 2}}},
            {"query": "figures_by", "as_of": "2024-12-31", "by": "year", "filter": {"congress": CONGRESS},
             "expect": [{"key": "2022"}, {"key": "2023"},
                        {"key": "2024", "counts": {"submitted": 206, "replied": 206},
                         "solved_or_progressing_rate": {"numerator": 126, "denominator": 206, "percent": "61.2"}}]},
        ],
    }
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "scenarios",
                       "c_s001_haidian_2024.json")
    lines = ["{", f'  "name": {json.dumps(scenario["name"], ensure_ascii=False)},',
             f'  "rules": {json.dumps(scenario["rules"])},', '  "steps": [']
    for i, s in enumerate(steps):
        sep = "," if i + 1 < len(steps) else ""
        lines.append(f'    {json.dumps(s, ensure_ascii=False)}{sep}')
    lines.append("  ],")
    for key_name in ["figures", "queries"]:
        items = scenario[key_name]
        lines.append(f'  "{key_name}": [')
        for i, q in enumerate(items):
            sep = "," if i + 1 < len(items) else ""
            lines.append(f'    {json.dumps(q, ensure_ascii=False)}{sep}')
        lines.append("  ]" + ("," if key_name == "figures" else ""))
    lines.append("}")
    text = "\n".join(lines) + "\n"
    json.loads(text)
    with open(out, "w", encoding="utf-8") as f:
        f.write(text)


if __name__ == "__main__":
    main()

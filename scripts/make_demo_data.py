#!/usr/bin/env python3
"""Generates the bundled demo data set: one year (2024) of suggestion handling in a fictional
district congress, calibrated on Haidian 2024 (seed 001, S001-13): 203 suggestions submitted
during the session and 3 in recess, all replied, 126 of 206 solved or progressing (61.2%).

Deterministic (fixed seed). Writes examples/data/demo-district-2024.json: a JSON array of
command envelopes in time order, in renda's wire format.

Usage: python3 scripts/make_demo_data.py
"""
import datetime as dt
import json
import pathlib
import random

SEED = 20240101
OUT = pathlib.Path(__file__).resolve().parent.parent / "examples" / "data" / "demo-district-2024.json"

UNITS = [
    ("edu", "区教委 / Education Commission"), ("transport", "区交通委 / Transport Commission"),
    ("health", "区卫健委 / Health Commission"), ("housing", "区住建委 / Housing and Construction"),
    ("civil", "区民政局 / Civil Affairs Bureau"), ("env", "区生态环境局 / Ecology and Environment"),
    ("city", "区城管委 / City Management"), ("market", "区市场监管局 / Market Regulation"),
    ("culture", "区文旅局 / Culture and Tourism"), ("finance", "区财政局 / Finance Bureau"),
    ("hr", "区人社局 / Human Resources and Social Security"), ("planning", "规自分局 / Planning and Natural Resources"),
    ("water", "区水务局 / Water Authority"), ("police", "公安分局 / Public Security"),
    ("sci", "区科委 / Science and Technology"), ("sports", "区体育局 / Sports Bureau"),
]
TOPICS = {
    "edu": ["增加幼儿园学位", "中小学课后服务", "学校周边交通安全", "职业教育实训基地"],
    "transport": ["优化公交线路", "增设路口信号灯", "缓解学校周边拥堵", "完善慢行系统"],
    "health": ["社区卫生服务中心扩容", "老年人就医便利", "家庭医生签约服务"],
    "housing": ["老旧小区加装电梯", "老旧小区综合整治", "保障性住房配建"],
    "civil": ["社区养老驿站建设", "困难群体救助", "社区治理能力提升"],
    "env": ["河道水环境治理", "餐饮油烟治理", "建筑工地扬尘管控"],
    "city": ["垃圾分类设施完善", "背街小巷环境整治", "停车设施建设"],
    "market": ["校园食品安全", "农贸市场规范管理"],
    "culture": ["公共文化设施开放", "历史文化街区保护"],
    "finance": ["区级预算绩效管理", "政府债务风险防控"],
    "hr": ["高校毕业生就业服务", "灵活就业人员社保"],
    "planning": ["城市更新规划", "绿地公园建设"],
    "water": ["雨污分流改造", "防汛排涝设施"],
    "police": ["社区治安防控", "电动自行车管理"],
    "sci": ["中关村科技企业服务", "科技成果转化"],
    "sports": ["全民健身场地建设", "学校体育场馆开放"],
}
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗梁宋郑谢韩唐冯于董萧程曹袁邓许傅沈曾彭吕"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰"


def ts(d: dt.date, hour: int = 10) -> str:
    return f"{d.isoformat()}T{hour:02d}:00:00+08:00"


def main() -> None:
    rnd = random.Random(SEED)
    cmds = []
    office = {"role": "deputy_affairs_office", "id": "office"}

    def add(at, actor, command):
        cmds.append({"at": at, "actor": actor, "command": command})

    start = dt.date(2024, 1, 2)
    add(ts(start, 9), {"role": "admin", "id": "admin"}, {
        "type": "register_congress", "congress": "demo-17",
        "name": "示例区第十七届人民代表大会 / 17th People's Congress of Demo District",
        "level": "county", "term": 17, "term_start": "2021-11-01", "term_end": "2026-10-31"})
    deputies = []
    for i in range(1, 121):
        name = rnd.choice(SURNAMES) + rnd.choice(GIVEN) + (rnd.choice(GIVEN) if rnd.random() < 0.6 else "")
        did = f"D{i:03d}"
        deputies.append(did)
        add(ts(start, 9), office, {"type": "register_deputy", "deputy": did, "congress": "demo-17", "name": name})
    for uid, name in UNITS:
        add(ts(start, 9), office, {"type": "register_unit", "unit": uid, "name": name})

    # 203 during the session (January), 3 in recess; plus 2 found not to be suggestions and
    # 1 withdrawn, which do not count among the 206 handled.
    n_session, n_recess = 203, 3
    # Outcome mix of the 206 handled: 126 solved or progressing (A or B), S001-13.
    outcomes = ["A"] * 71 + ["B"] * 55 + ["C"] * 48 + ["D"] * 32
    rnd.shuffle(outcomes)
    items = []
    unit_ids = [u for u, _ in UNITS]
    weights = [14, 12, 11, 10, 9, 8, 8, 5, 4, 3, 4, 5, 4, 5, 3, 3]
    for k in range(n_session + n_recess + 3):
        unit = rnd.choices(unit_ids, weights)[0]
        recess = n_session <= k < n_session + n_recess
        submit = dt.date(2024, 1, rnd.randint(7, 10)) if not recess else dt.date(2024, rnd.choice([4, 6, 9]), rnd.randint(3, 25))
        lead = rnd.choice(deputies)
        cos = rnd.sample([d for d in deputies if d != lead], rnd.choice([0, 0, 1, 2, 3, 5]))
        title = f"关于{rnd.choice(TOPICS[unit])}的建议"
        items.append({"id": f"2024-{k + 1:03d}", "unit": unit, "recess": recess, "submit": submit,
                      "lead": lead, "cos": cos, "title": title})

    timeline = []  # (date, hour, actor, command) — sorted at the end
    out_i = 0
    for k, it in enumerate(items):
        sid = it["id"]
        lead_actor = {"role": "deputy", "id": it["lead"]}
        timeline.append((it["submit"], 10, lead_actor, {
            "type": "submit_suggestion", "suggestion": sid, "congress": "demo-17", "title": it["title"],
            "lead": it["lead"], "cosigners": it["cos"], "during": "recess" if it["recess"] else "session",
            "topic": it["unit"]}))
        vet = it["submit"] + dt.timedelta(days=rnd.randint(3, 12))
        if k >= n_session + n_recess:
            if k == n_session + n_recess:
                timeline.append((vet, 11, lead_actor, {"type": "withdraw_suggestion", "suggestion": sid,
                                                       "reason": "已通过其他渠道解决"}))
            else:
                timeline.append((vet, 11, office, {"type": "reject_suggestion", "suggestion": sid,
                                                   "reason": "反映个人事项，不属于代表建议，转信访渠道办理"}))
            continue
        if rnd.random() < 0.04:
            timeline.append((vet, 11, office, {"type": "return_suggestion", "suggestion": sid,
                                               "reason": "请补充具体问题和对策"}))
            vet = vet + dt.timedelta(days=3)
            timeline.append((vet, 9, lead_actor, {"type": "revise_suggestion", "suggestion": sid,
                                                  "title": it["title"].replace("的建议", "的具体建议")}))
            vet = vet + dt.timedelta(days=1)
        timeline.append((vet, 11, office, {"type": "accept_suggestion", "suggestion": sid}))
        assign = vet + dt.timedelta(days=rnd.randint(5, 15))
        co = []
        if rnd.random() < 0.3:
            co = [rnd.choice([u for u in unit_ids if u != it["unit"]])]
        timeline.append((assign, 14, office, {"type": "assign_suggestion", "suggestion": sid,
                                              "lead_unit": it["unit"], "co_units": co}))
        for c in co:
            timeline.append((assign + dt.timedelta(days=rnd.randint(10, 40)), 9,
                             {"role": "handling_unit", "id": c},
                             {"type": "submit_co_unit_opinion", "suggestion": sid, "opinion": "协办意见已送主办单位"}))
        extended = rnd.random() < 0.05
        if extended:
            timeline.append((assign + dt.timedelta(days=30), 15, office, {
                "type": "extend_reply_deadline", "suggestion": sid, "reason": "涉及面广、处理难度大"}))
        # Most replies inside 3 months; a few late (overdue for a while).
        late = (not extended) and rnd.random() < 0.06
        reply = assign + dt.timedelta(days=rnd.randint(100, 130) if late else (rnd.randint(95, 170) if extended else rnd.randint(45, 88)))
        result = outcomes[out_i]
        out_i += 1
        in_plan = result == "B" and rnd.random() < 0.5
        unit_actor = {"role": "handling_unit", "id": it["unit"]}
        reply_cmd = {"type": "reply_suggestion", "suggestion": sid, "result": result, "in_plan": in_plan,
                     "summary": {"A": "问题已解决", "B": "正在推进解决" + ("，已列入2025年工作计划" if in_plan else ""),
                                 "C": "受条件限制暂时无法解决", "D": "留作参考"}[result]}
        if result == "C":
            reply_cmd["reason"] = "涉及规划调整和资金安排，近期难以实施"
        timeline.append((reply, 16, unit_actor, reply_cmd))
        fb = reply + dt.timedelta(days=rnd.randint(5, 20))
        r = rnd.random()
        rating = "satisfied" if r < 0.80 else ("basically_satisfied" if r < 0.95 else "dissatisfied")
        timeline.append((fb, 10, lead_actor, {"type": "give_feedback", "suggestion": sid, "rating": rating}))
        if rating == "dissatisfied":
            second = fb + dt.timedelta(days=rnd.randint(30, 80))
            timeline.append((second, 16, unit_actor, {"type": "reply_suggestion", "suggestion": sid,
                                                      "result": result, "summary": "复查补办后再次答复",
                                                      **({"reason": reply_cmd["reason"]} if result == "C" else {})}))
            timeline.append((second + dt.timedelta(days=7), 10, lead_actor,
                             {"type": "give_feedback", "suggestion": sid, "rating": "basically_satisfied"}))
        elif in_plan and rnd.random() < 0.4:
            second = dt.date(2024, rnd.randint(10, 12), rnd.randint(1, 28))
            if second > fb:
                timeline.append((second, 16, unit_actor, {"type": "reply_suggestion", "suggestion": sid,
                                                          "result": "A", "summary": "列入计划事项已完成，再次答复"}))
    timeline.sort(key=lambda t: (t[0], t[1]))
    for d, hour, actor, command in timeline:
        add(ts(d, hour), actor, command)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps(cmds, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {len(cmds)} commands to {OUT}")


if __name__ == "__main__":
    main()

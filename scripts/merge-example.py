#!/usr/bin/env python3
"""Merges content/examples/parts/*.json into complete example plans, one per language.

The parts are authored per tool (answers and register rows in nb, nn and en); the merged plan
files content/examples/elvebyen.<lang>.json are copied into the build (index.html) and fetched
when a user opens the example (core/src/examples.rs). Run after editing a part.
"""
import datetime
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent.parent
PARTS = ROOT / "content" / "examples" / "parts"
TOOLS = ["leadership", "startup", "needs", "dialogue"]
# The story's dates. The plan was started with the start-up memo in autumn 2026, and it shows where
# Elvebyen stands on STORY_NOW: the market dialogue is over and the route is chosen, the tender
# documents are being written. Decisions after this day are "planned". core/src/examples.rs checks
# the example against the same day (its STORY_NOW); change both together. The app replaces both
# times with the moment a user opens the example.
STORY_STARTED = "2026-09-21"
STORY_NOW = "2027-04-26"


def epoch_ms(iso_date):
    day = datetime.datetime.fromisoformat(iso_date).replace(tzinfo=datetime.timezone.utc)
    return int(day.timestamp()) * 1000

TITLES = {
    "nb": ("Digitalt nattilsyn i hjemmetjenesten", "Elvebyen kommune (eksempel)"),
    "nn": ("Digitalt nattilsyn i heimetenesta", "Elvebyen kommune (døme)"),
    "en": ("Digital night-time supervision in home care", "Elvebyen municipality (example)"),
}

for lang, (title, organisation) in TITLES.items():
    answers, registers = {}, {}
    for tool in TOOLS:
        part = json.loads((PARTS / f"{tool}.json").read_text(encoding="utf-8"))
        for key, by_lang in part.get("answers", {}).items():
            answers[key] = by_lang[lang]
        for register, rows in part.get("registers", {}).items():
            target = registers.setdefault(register, [])
            for row in rows:
                target.append({"id": len(target) + 1, "cells": row[lang]})
    plan = {
        "schema_version": 4,
        "id": "example-elvebyen",
        "revision": 0,
        "title": title,
        "organisation": organisation,
        "case_number": "2027/0042",
        "language": lang,
        "created_at": epoch_ms(STORY_STARTED),
        "updated_at": epoch_ms(STORY_NOW),
        "answers": dict(sorted(answers.items())),
        "steps": {},
        "registers": dict(sorted(registers.items())),
        "decision": {
            "answers": {
                "solutions-exist": "partly",
                "rnd-needed": "adaptation",
                "specifiable": "no",
                "solution-type": "type-known",
                "develop-and-buy": "not-relevant",
                "time-horizon": "one-to-two-years",
                "market": "many",
                "others-same-need": "yes",
                "external-funding": "yes",
            },
            "chosen_route": "innovation-friendly-negotiated",
            "chosen_reason": {
                "nb": "Markedsdialogen viste at løsningene finnes, men må tilpasses våre rutiner og fagsystem. Vi vil forhandle om tilpasning og personvern.",
                "nn": "Marknadsdialogen viste at løysingane finst, men må tilpassast rutinane og fagsystemet vårt. Vi vil forhandle om tilpassing og personvern.",
                "en": "The market dialogue showed that solutions exist but must be adapted to our routines and care records system. We want to negotiate on adaptation and privacy.",
            }[lang],
        },
    }
    # Every step of the example is filled in, so mark them done. The roadmap is left for the
    # reader to try: the example tells the story of the four LUP tools.
    for tool in TOOLS:
        spec = json.loads((ROOT / "content" / "tools" / f"{tool}.json").read_text(encoding="utf-8"))
        for step in spec["steps"]:
            plan["steps"][f"{tool}/{step['id']}"] = {"status": "done"}
    out = ROOT / "content" / "examples" / f"elvebyen.{lang}.json"
    out.write_text(json.dumps(plan, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{out.relative_to(ROOT)}: {len(answers)} answers, {sum(len(r) for r in registers.values())} register rows")

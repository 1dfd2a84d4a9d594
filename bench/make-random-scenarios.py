#!/usr/bin/env python3
"""Writes random but valid Playbook scenarios, the same ones for the same seed.

    python3 bench/make-random-scenarios.py --count 50 --seed 1 --out DIR

DIR/random-001.yaml … random-NNN.yaml: what the workbook recalculation test feeds through
`playbook calc --format json` and `--format xlsx`. Scenario i depends only on the seed and i
(not on --count). Every scenario varies in shape:

- inputs of every kind of unit (counts, counts per month, prices per count, durations per count,
  hourly rates, percentages, plain numbers), as values, triangular or uniform ranges, or normal
  distributions, some with labels and sources; currency USD, EUR or GBP;
- metrics that are money, counts, durations or percentages, built from + − × ÷ ^, parentheses
  and min, max, round, pow, clamp, abs, floor, ceil, sqrt, pv, clv, over inputs and other
  metrics, written in a shuffled order, some with a display unit (h, min, money, percent);
- costs initial (or none) and yearly (one amount, one per year, or a formula over the
  benefits), benefits yearly with ramps, risk on the line or under `risk:`;
- horizons of 1 to 5 years, discount rates from 0% to 20%, about a quarter of them loss-making.

Formulas are typed as they are built (money, count, …) so that the units always agree, and
no formula can divide by zero, take the root of a negative number, or overflow.
"""
import argparse
import os
import random

CURRENCIES = [("USD", "$"), ("USD", "$"), ("USD", "$"), ("EUR", "€"), ("GBP", "£")]
NOUNS = ["call", "order", "user", "visit", "ticket", "lead", "contact", "licence", "claim", "seat"]
WORDS = ["core", "web", "field", "retail", "partner", "mobile", "store", "north", "south", "pilot"]


def money(symbol, value, decimals=0):
    text = f"{value:,.{decimals}f}".replace(",", "_")
    return f"{symbol}{text}"


class Scenario:
    def __init__(self, rng):
        self.rng = rng
        self.code, self.symbol = rng.choice(CURRENCIES)
        self.years = rng.randint(1, 5)
        self.rate = rng.choice([0, 0, 2.5, 5, 7, 8, 10, 12, 15, 20, round(rng.uniform(0, 20), 1)])
        # Names by type: what a formula of that type may use as a leaf.
        self.names = {kind: [] for kind in ("count", "count_rate", "price", "duration", "hourly", "pct", "number",
                                            "money", "time")}
        self.used = set()
        self.inputs = []   # YAML lines
        self.metrics = []  # YAML lines

    def fresh(self, stem):
        for _ in range(100):
            name = f"{stem}_{self.rng.choice(WORDS)}" if self.rng.random() < 0.7 else f"{stem}_{self.rng.randint(2, 99)}"
            if name not in self.used:
                self.used.add(name)
                return name
        name = f"{stem}_{len(self.used)}"
        self.used.add(name)
        return name

    # MARK: inputs

    def ranged(self, value, text, positive=True):
        """A value written as it is, or as a range or distribution around it."""
        rng = self.rng
        roll = rng.random()
        if roll < 0.55:
            return text(value)
        low, high = value * rng.uniform(0.5, 0.9), value * rng.uniform(1.1, 1.6)
        if roll < 0.75:
            return "{ low: %s, expected: %s, high: %s }" % (text(low), text(value), text(high))
        if roll < 0.88:
            return "{ low: %s, high: %s, distribution: uniform }" % (text(low), text(high))
        return "{ mean: %s, sd: %s }" % (text(value), text(value * rng.uniform(0.02, 0.1)))

    def add_input(self, kind):
        rng = self.rng
        noun = rng.choice(NOUNS)
        s = self.symbol
        if kind == "count":
            name = self.fresh(noun + "s")
            value = rng.choice([rng.randint(100, 5_000), rng.randint(5_000, 200_000)])
            body = self.ranged(value, lambda v: f"{round(v):_} {noun}s")
        elif kind == "count_rate":
            name = self.fresh(noun + "s_per_month")
            value = rng.randint(50, 20_000)
            body = self.ranged(value, lambda v: f"{round(v):_} {noun}s/month")
        elif kind == "price":
            name = self.fresh("price_per_" + noun)
            value = round(rng.uniform(0.5, 80), 2)
            body = self.ranged(value, lambda v: f"{money(s, v, 2)}/{noun}")
        elif kind == "duration":
            name = self.fresh("minutes_per_" + noun)
            value = round(rng.uniform(0.5, 30), 1)
            body = self.ranged(value, lambda v: f"{v:.2f} min/{noun}")
        elif kind == "hourly":
            name = self.fresh("cost_per_hour")
            value = rng.randint(18, 140)
            body = self.ranged(value, lambda v: f"{money(s, v, 2)}/h")
        elif kind == "pct":
            name = self.fresh(rng.choice(["share", "rate", "uplift", "adoption", "churn"]))
            value = round(rng.uniform(1, 60), 1)
            body = self.ranged(value, lambda v: f"{min(v, 95):.2f}%")
        else:
            name = self.fresh(rng.choice(["factor", "multiplier", "per_customer"]))
            value = round(rng.uniform(1, 4), 2)
            body = self.ranged(value, lambda v: f"{v:.3f}")  # low ≥ 0.5: sqrt and ÷ stay defined
        extras = []
        if rng.random() < 0.3:
            extras.append('label: "%s"' % name.replace("_", " ").capitalize())
        if rng.random() < 0.3:
            extras.append('source: "Finance, %d"' % rng.randint(2020, 2026))
        if extras:
            if body.startswith("{"):
                body = body[:-2] + ", " + ", ".join(extras) + " }"
            else:
                body = "{ value: %s, %s }" % (body, ", ".join(extras))
        self.inputs.append(f"  {name}: {body}")
        self.names[kind].append(name)

    # MARK: formulas, typed

    def leaf(self, kind):
        return self.rng.choice(self.names[kind])

    def expr(self, kind, depth):
        """A formula of the given type; depth bounds how deep it nests."""
        rng = self.rng
        s = self.symbol
        if kind == "money":
            options = ["count_price", "count_time_hourly", "rate_price"]
            if self.names["money"]:
                options += ["leaf", "leaf"]
            if depth > 0:
                options += ["sum", "scaled", "grown", "less", "divided", "minmax", "round", "clamp", "pow", "power",
                            "pv", "clv", "absfloor", "sqrt", "difference", "group"]
            choice = rng.choice(options)
            if choice == "leaf":
                return self.leaf("money")
            if choice == "count_price":
                return f"{self.expr('count', depth - 1) if depth > 0 and rng.random() < 0.3 else self.leaf('count')} * {self.leaf('price')}"
            if choice == "count_time_hourly":
                return f"{self.leaf('count')} * {self.leaf('duration')} * {self.leaf('hourly')}"
            if choice == "rate_price":
                return f"{self.leaf('count_rate')} * 12 months * {self.leaf('price')}"
            if choice == "sum":
                return f"{self.expr('money', depth - 1)} + {self.expr('money', depth - 1)}"
            if choice == "scaled":
                return f"{self.expr('money', depth - 1)} * {self.leaf('pct')}"
            if choice == "grown":
                return f"{self.expr('money', depth - 1)} * (1 + {self.leaf('pct')})"
            if choice == "less":
                return f"({self.expr('money', depth - 1)}) * (1 - {self.leaf('pct')})"
            if choice == "divided":
                return f"({self.expr('money', depth - 1)}) / {rng.choice([self.leaf('number'), '4', '12', '(1 + ' + self.leaf('pct') + ')'])}"
            if choice == "minmax":
                function = rng.choice(["min", "max"])
                arguments = [self.expr("money", depth - 1) for _ in range(rng.randint(2, 3))]
                if rng.random() < 0.3:
                    arguments.append(money(s, rng.randint(1_000, 500_000)))
                return f"{function}({', '.join(arguments)})"
            if choice == "round":
                digits = rng.choice([None, 0, 1, 2, -1, -2, -3])
                inner = self.expr("money", depth - 1)
                return f"round({inner})" if digits is None else f"round({inner}, {digits})"
            if choice == "clamp":
                low = rng.randint(0, 20_000)
                return f"clamp({self.expr('money', depth - 1)}, {money(s, low)}, {money(s, low + rng.randint(10_000, 2_000_000))})"
            if choice == "pow":
                return f"{self.expr('money', depth - 1)} * pow(1 + {self.leaf('pct')}, {rng.choice(['2', '3', '0.5', self.leaf('number')])})"
            if choice == "power":
                return f"{self.expr('money', depth - 1)} * (1 + {self.leaf('pct')}) ^ {rng.choice(['2', '3', '1.5'])}"
            if choice == "pv":
                rate = rng.choice(["discount_rate", self.leaf("pct")])
                periods = rng.choice(["horizon_years", "3", str(rng.randint(1, 10))])
                return f"pv({rate}, {periods}, {self.expr('money', depth - 1)}) / {rng.randint(2, 6)}"
            if choice == "clv":
                function = rng.choice(["clv", "clv_start"])
                retention = f"{rng.randint(30, 90)}%" if rng.random() < 0.5 else f"min({self.leaf('pct')}, 90%)"
                rate = rng.choice(["discount_rate", f"{rng.randint(1, 20)}%"])
                return f"{self.leaf('count')} * {function}({self.leaf('price')}, {retention}, {rate}) / {rng.randint(2, 10)}"
            if choice == "absfloor":
                return f"{rng.choice(['abs', 'floor', 'ceil'])}({self.expr('money', depth - 1)})"
            if choice == "sqrt":
                return f"sqrt({self.leaf('number')}) * {self.expr('money', depth - 1)}"
            if choice == "difference":
                return f"max({self.expr('money', depth - 1)} - {self.expr('money', depth - 1)} / 3, {money(s, 0)})"
            return f"({self.expr('money', depth - 1)} + {money(s, rng.randint(100, 50_000))}) * {self.leaf('number')}"
        if kind == "count":
            options = ["leaf", "leaf", "rate"]
            if depth > 0:
                options += ["share", "rounded", "divided", "max", "sum"]
            choice = rng.choice(options)
            if choice == "leaf":
                return self.leaf("count")
            if choice == "rate":
                return f"{self.leaf('count_rate')} * 12 months"
            if choice == "share":
                return f"{self.expr('count', depth - 1)} * {self.leaf('pct')}"
            if choice == "rounded":
                return f"{rng.choice(['round', 'floor', 'ceil'])}({self.expr('count', depth - 1)} * {self.leaf('pct')})"
            if choice == "divided":
                return f"{self.expr('count', depth - 1)} / {self.leaf('number')}"
            if choice == "max":
                return f"max({self.expr('count', depth - 1)}, {self.expr('count', depth - 1)})"
            return f"({self.expr('count', depth - 1)} + {self.expr('count', depth - 1)})"
        if kind == "time":
            return f"{self.expr('count', depth - 1)} * {self.leaf('duration')}"
        if kind == "pct":
            choice = rng.choice(["clamp", "min", "product"])
            if choice == "clamp":
                return f"clamp({self.leaf('pct')} + {self.leaf('pct')}, 0%, 100%)"
            if choice == "min":
                return f"min({self.leaf('pct')} * {self.leaf('number')}, 95%)"
            return f"{self.leaf('pct')} * (1 - {self.leaf('pct')})"
        raise ValueError(kind)

    def add_metric(self, kind):
        rng = self.rng
        stem = {"money": rng.choice(["savings", "revenue", "margin", "value", "cost_avoided"]),
                "count": rng.choice(["volume", "customers", "requests"]),
                "time": rng.choice(["hours_saved", "time_freed"]),
                "pct": rng.choice(["effective_rate", "combined_share"])}[kind]
        name = self.fresh(stem)
        formula = self.expr(kind, rng.randint(1, 3))
        options = []
        if kind == "money" and rng.random() < 0.2:
            options.append("unit: money")
        if kind == "time":
            options.append("unit: " + rng.choice(["h", "min", "days"]))
        if kind == "pct" and rng.random() < 0.5:
            options.append("unit: percent")
        if kind == "count" and rng.random() < 0.4:
            options.append("unit: " + rng.choice(NOUNS) + "s")
        if rng.random() < 0.25:
            options.append('label: "%s"' % name.replace("_", " ").capitalize())
        if rng.random() < 0.15:
            options.append(f"decimals: {rng.randint(0, 3)}")
        # In a flow mapping a formula is quoted: its commas would end the value.
        body = formula if not options else '{ formula: "%s", %s }' % (formula, ", ".join(options))
        self.metrics.append(f"  {name}: {body}")
        if kind in ("money", "count", "pct"):
            self.names[kind].append(name)
        return name

    # MARK: the whole file

    def write(self, index):
        rng = self.rng
        for kind in ("count", "count", "count_rate", "price", "price", "duration", "hourly", "pct", "pct", "number"):
            self.add_input(kind)
        for _ in range(rng.randint(0, 5)):
            self.add_input(rng.choice(["count", "price", "pct", "number", "duration", "hourly", "count_rate"]))
        money_metrics = [self.add_metric("money") for _ in range(rng.randint(2, 5))]
        for _ in range(rng.randint(0, 4)):
            kind = rng.choice(["money", "money", "count", "time", "pct"])
            name = self.add_metric(kind)
            if kind == "money":
                money_metrics.append(name)
        metrics = list(self.metrics)
        if rng.random() < 0.5:
            rng.shuffle(metrics)   # metrics may come in any order

        years = self.years
        s = self.symbol
        risks = {}
        line_risk = []  # (name, risk) written under risk:

        def risk_text(name):
            if rng.random() < 0.5:
                return None
            risk = f"{rng.choice([2, 5, 7.5, 10, 15, 20, 25, 30])}%"
            if rng.random() < 0.3:
                line_risk.append((name, risk))
                return None
            return risk

        def entry(name, value, ramp=None):
            risk = risk_text(name)
            parts = []
            if ramp:
                parts.append("ramp: [%s]" % ", ".join(ramp))
            if risk:
                parts.append(f"risk: {risk}")
            if rng.random() < 0.2:
                parts.append('label: "%s"' % name.replace("_", " ").capitalize())
            if not parts and not value.startswith("["):
                return f"    {name}: {value}"
            if value.startswith("[") and not parts:
                return f"    {name}: {value}"
            if not value.startswith("["):
                value = '"%s"' % value
            return "    %s: { value: %s, %s }" % (name, value, ", ".join(parts))

        # Benefits: money metrics, some ramping up.
        benefit_lines = []
        chosen = rng.sample(money_metrics, k=min(len(money_metrics), rng.randint(1, 3)))
        for number, metric in enumerate(chosen):
            name = f"benefit_{number + 1}_{rng.choice(WORDS)}"
            ramp = None
            if years > 1 and rng.random() < 0.4:
                steps = sorted(rng.choice([20, 40, 50, 60, 75, 80, 90]) for _ in range(years - 1)) + [100]
                ramp = [f"{step}%" for step in steps]
            value = metric if rng.random() < 0.7 else f"{metric} * {rng.choice(['50%', '80%', '1.1'])}"
            if ramp is None and rng.random() < 0.15:
                value = "[%s]" % ", ".join(f"{metric} * {80 + 5 * year}%" for year in range(years))
            benefit_lines.append(entry(name, value, ramp))
        benefit_total = " + ".join(chosen)

        # Costs: relative to the benefits, so that about a quarter lose money.
        loss = rng.random() < 0.25
        share = rng.uniform(0.9, 1.6) if loss else rng.uniform(0.08, 0.35)
        initial_lines = []
        if rng.random() < 0.8:
            for number in range(rng.randint(1, 3)):
                name = f"setup_{number + 1}_{rng.choice(WORDS)}"
                if rng.random() < 0.5:
                    value = f"({benefit_total}) * {share * rng.uniform(0.2, 0.8):.3f}"
                else:
                    value = money(s, rng.randint(1, 100) * 1_000)
                initial_lines.append(entry(name, value))
        yearly_lines = []
        for number in range(rng.randint(1, 3)):
            name = f"running_{number + 1}_{rng.choice(WORDS)}"
            roll = rng.random()
            if roll < 0.6:
                value = f"({benefit_total}) * {share / (number + 1):.3f}"
            elif roll < 0.8:
                value = money(s, rng.randint(1, 40) * 1_000)
            else:
                value = "[%s]" % ", ".join(money(s, rng.randint(1, 40) * 1_000) for _ in range(years))
            yearly_lines.append(entry(name, value))
        if rng.random() < 0.1:
            # A benefit at time 0 (a grant, equipment sold).
            benefit_lines.insert(0, "  initial:\n" + entry("grant", money(s, rng.randint(5, 80) * 1_000)))

        out = [f"client: Random client {index:03d}", f"title: Random scenario {index:03d}",
               f"currency: {self.code}", f"horizon: {years} year{'s' if years > 1 else ''}",
               f"discount_rate: {self.rate}%", "", "inputs:"]
        out += self.inputs
        out += ["", "metrics:"] + metrics
        out += ["", "costs:"]
        if initial_lines:
            out += ["  initial:"] + initial_lines
        out += ["  yearly:"] + yearly_lines
        out += ["", "benefits:"]
        initial_benefit = [line for line in benefit_lines if line.startswith("  initial:")]
        out += [line for line in initial_benefit]
        out += ["  yearly:"] + [line for line in benefit_lines if not line.startswith("  initial:")]
        if line_risk:
            out += ["", "risk:"] + [f"  {name}: {risk}" for name, risk in line_risk]
        return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser(description="Writes random valid Playbook scenarios.")
    parser.add_argument("--count", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", required=True)
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    for index in range(1, args.count + 1):
        rng = random.Random(f"playbook-random-scenario:{args.seed}:{index}")
        text = Scenario(rng).write(index)
        with open(os.path.join(args.out, f"random-{index:03d}.yaml"), "w", encoding="utf-8") as handle:
            handle.write(text)


if __name__ == "__main__":
    main()

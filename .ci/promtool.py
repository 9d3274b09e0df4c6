"""Checks deploy/'s Prometheus rules and Grafana queries with promtool; writes a JUnit file for the summary line.

Three cases: `promtool check rules` on the alert rules, `promtool test rules` on their unit tests, and
`promtool check rules` on the Grafana dashboard's queries (each made a recording rule, with Grafana's variables
replaced by values), so a typo in a panel's PromQL fails CI too.
"""

import json
import pathlib
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

DEPLOY = pathlib.Path("deploy")
RULES = DEPLOY / "prometheus" / "gymserver-rules.yml"
RULE_TESTS = DEPLOY / "prometheus" / "gymserver-rules.test.yml"
DASHBOARD = DEPLOY / "grafana" / "gymserver-dashboard.json"

# What Grafana puts in place of its variables when it sends a query.
GRAFANA_VARIABLES = {"$__rate_interval": "1m", "$job": ".*", "$instance": ".*"}


def run(name: str, command: list[str]) -> tuple[str, str | None]:
    """Runs one check; returns its name and, when it failed, why."""
    print(f"$ {' '.join(command)}", flush=True)
    try:
        result = subprocess.run(command, capture_output=True, text=True, check=False)
    except FileNotFoundError:
        return name, f"{command[0]} is not installed: apt-get install prometheus (.ci/run does)"
    output = (result.stdout + result.stderr).strip()
    print(output, flush=True)
    return name, None if result.returncode == 0 else output or f"exit code {result.returncode}"


def dashboard_queries() -> list[str]:
    """Every PromQL expression of the dashboard's panels, variables replaced."""
    dashboard = json.loads(DASHBOARD.read_text())
    queries = []
    for panel in dashboard["panels"]:
        for target in panel.get("targets", []):
            expr = target["expr"]
            for variable, value in GRAFANA_VARIABLES.items():
                expr = expr.replace(variable, value)
            queries.append(expr)
    return queries


def check_dashboard(folder: pathlib.Path) -> tuple[str, str | None]:
    queries = dashboard_queries()
    if not queries:
        return "grafana dashboard queries", f"{DASHBOARD} has no query"
    rules = folder / "dashboard-queries.yml"
    rules.write_text(json.dumps({"groups": [{"name": "dashboard", "rules": [
        {"record": f"gymserver_dashboard:query_{index}", "expr": expr} for index, expr in enumerate(queries)]}]}))
    return run("grafana dashboard queries", ["promtool", "check", "rules", str(rules)])


def write_junit(path: pathlib.Path, results: list[tuple[str, str | None]]) -> None:
    failures = sum(1 for _, failure in results if failure)
    suite = ET.Element("testsuite", name="promtool", tests=str(len(results)), failures=str(failures), errors="0", skipped="0")
    for name, failure in results:
        case = ET.SubElement(suite, "testcase", classname="deploy.prometheus", name=name)
        if failure:
            ET.SubElement(case, "failure", message=failure.splitlines()[0]).text = failure
    ET.ElementTree(suite).write(path, encoding="utf-8", xml_declaration=True)


def main() -> int:
    junit = pathlib.Path(sys.argv[1])
    with tempfile.TemporaryDirectory() as folder:
        results = [
            run("alert rules", ["promtool", "check", "rules", str(RULES)]),
            run("alert rule unit tests", ["promtool", "test", "rules", str(RULE_TESTS)]),
            check_dashboard(pathlib.Path(folder)),
        ]
    write_junit(junit, results)
    return 1 if any(failure for _, failure in results) else 0


if __name__ == "__main__":
    sys.exit(main())

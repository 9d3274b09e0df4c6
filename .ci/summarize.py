"""Adds up the TRX (dotnet) and JUnit (pytest, ctest) result files of one run into a single closing line."""

import pathlib
import sys
import xml.etree.ElementTree as ET


def count_trx(path: pathlib.Path) -> tuple[int, int, int]:
    root = ET.parse(path).getroot()
    counters = next(element for element in root.iter() if element.tag.endswith("Counters"))
    passed = int(counters.get("passed", 0))
    failed = sum(int(counters.get(name, 0)) for name in ("failed", "error", "timeout", "aborted"))
    skipped = int(counters.get("notExecuted", 0)) + int(counters.get("inconclusive", 0))
    return passed, failed, skipped


def conformance_output(path: pathlib.Path) -> list[str]:
    """The lines the conformance tests write (records checked per env), so CI logs show what was replayed."""
    root = ET.parse(path).getroot()
    lines = []
    for result in root.iter():
        if result.tag.endswith("UnitTestResult") and "Conformance" in result.get("testName", ""):
            for output in result.iter():
                if output.tag.endswith("StdOut") and output.text:
                    lines.extend(line for line in output.text.splitlines() if line.strip())
    return sorted(lines)


def count_junit(path: pathlib.Path) -> tuple[int, int, int]:
    root = ET.parse(path).getroot()
    suites = [root] if root.tag == "testsuite" else list(root.iter("testsuite"))
    total = sum(int(suite.get("tests", 0)) for suite in suites)
    failed = sum(int(suite.get("failures", 0)) + int(suite.get("errors", 0)) for suite in suites)
    skipped = sum(int(suite.get("skipped", 0)) + int(suite.get("disabled", 0)) for suite in suites)
    return total - failed - skipped, failed, skipped


def main() -> int:
    folder = pathlib.Path(sys.argv[1])
    totals = [0, 0, 0]
    files = sorted(folder.rglob("*.trx")) + sorted(folder.rglob("*.xml"))
    for path in files:
        if path.suffix == ".trx":
            for line in conformance_output(path):
                print(f"  {line}")
            counts = count_trx(path)
        else:
            counts = count_junit(path)
        print(f"{path.name}: {counts[0]} passed, {counts[1]} failed, {counts[2]} skipped")
        totals = [a + b for a, b in zip(totals, counts)]
    print(f"{totals[0]} passed, {totals[1]} failed, {totals[2]} skipped")
    if not files or totals[0] + totals[1] == 0:
        print("no test results were found", file=sys.stderr)
        return 1
    return 1 if totals[1] else 0


if __name__ == "__main__":
    sys.exit(main())

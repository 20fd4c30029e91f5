"""Precision, recall and F1 over sets of items, summed over documents."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, predicted: set, gold: set, label: str = "") -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)
        for item in sorted(gold - predicted, key=str):
            self.misses.append(f"{label} missed {item}")
        for item in sorted(predicted - gold, key=str):
            self.misses.append(f"{label} extra  {item}")

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def row(self, name: str) -> str:
        return (f"{name:<28} P {self.precision:.3f}  R {self.recall:.3f}  F1 {self.f1:.3f}"
                f"  (tp {self.tp}, fp {self.fp}, fn {self.fn})")

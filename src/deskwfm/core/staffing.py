"""Erlang C staffing: how many agents an interval of forecast calls needs.

Staffing maths, not money: probabilities and loads are floats here (the only core module
that uses them). The model is the classic M/M/N queue of a call centre: calls arrive at
random, handle times are exponential, callers wait (no abandonment).

* traffic intensity ``A = calls * AHT / interval`` (Erlangs; both in seconds);
* Erlang B by the recursion ``B(0) = 1, B(k) = A·B(k-1) / (k + A·B(k-1))``, which never forms
  ``A**N`` or ``N!`` and so stays exact for hundreds or thousands of agents;
* Erlang C (probability a call waits) from B: ``C = N·B / (N - A·(1 - B))`` for ``N > A``
  (with ``N <= A`` the queue grows without bound: every call waits, C = 1);
* service level ``P(wait <= T) = 1 - C·exp(-(N - A)·T / AHT)``;
* average speed of answer ``ASA = C·AHT / (N - A)``; occupancy ``A / N``.

``agents_needed`` is the smallest N meeting both the service-level target and the occupancy
cap, grossed up for shrinkage (breaks, training, absence) and rounded up to whole agents.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

# A hair below 1 so that 14 / (1 - 0.3) = 20.000000000000004 (float staffing noise) is 20.
_ROUNDING_SLACK = 1e-9


def traffic_erlangs(calls: float, aht_seconds: float, interval_minutes: int) -> float:
    """Offered load in Erlangs: the agents that would be busy all interval with no queueing."""
    if interval_minutes <= 0:
        raise ValueError("the staffing interval must be at least one minute")
    if calls < 0 or aht_seconds < 0:
        raise ValueError("calls and handle time cannot be negative")
    return calls * aht_seconds / (interval_minutes * 60)


def _erlang_b_from(n_start: int, b_start: float, load: float) -> Iterator[tuple[int, float]]:
    """(N, Erlang B of N agents) for N = n_start+1, n_start+2, ... given B(n_start)."""
    n, b = n_start, b_start
    while True:
        n += 1
        b = load * b / (n + load * b)
        yield n, b


def erlang_b(agents: int, load: float) -> float:
    """Blocking probability of ``agents`` servers offered ``load`` Erlangs (iterative)."""
    if agents < 0:
        raise ValueError("agents cannot be negative")
    b = 1.0
    for k in range(1, agents + 1):
        b = load * b / (k + load * b)
    return b


def _c_from_b(agents: int, load: float, b: float) -> float:
    if agents <= load:
        return 1.0
    return agents * b / (agents - load * (1.0 - b))


def erlang_c(agents: int, load: float) -> float:
    """Probability that a call has to wait (Erlang C); 1.0 when the load is not below agents."""
    if load <= 0:
        return 0.0
    return _c_from_b(agents, load, erlang_b(agents, load))


def _sl_from_c(c: float, agents: int, load: float, aht_seconds: float, target_seconds: float) -> float:
    if load <= 0:
        return 1.0
    if agents <= load:
        return 0.0
    return max(0.0, 1.0 - c * math.exp(-(agents - load) * target_seconds / aht_seconds))


def service_level(agents: int, load: float, aht_seconds: float, target_seconds: float) -> float:
    """Share of calls answered within ``target_seconds`` (0..1) by ``agents`` (Erlang C)."""
    return _sl_from_c(erlang_c(agents, load), agents, load, aht_seconds, target_seconds)


def average_speed_of_answer(agents: int, load: float, aht_seconds: float) -> float:
    """Mean wait in seconds over all calls (answered at once count 0); inf when overloaded."""
    if load <= 0:
        return 0.0
    if agents <= load:
        return math.inf
    return erlang_c(agents, load) * aht_seconds / (agents - load)


def occupancy(agents: int, load: float) -> float:
    """Share of their time the agents spend handling calls (capped at 1)."""
    if agents <= 0:
        return 1.0 if load > 0 else 0.0
    return min(1.0, load / agents)


def gross_up(agents: int, shrinkage: float) -> int:
    """Agents to schedule so that ``agents`` are on the phones after shrinkage (0 <= s < 1)."""
    if not 0 <= shrinkage < 1:
        raise ValueError("staffing shrinkage must be at least 0 and below 100 %")
    if agents <= 0:
        return 0
    return math.ceil(agents / (1.0 - shrinkage) - _ROUNDING_SLACK)


def base_agents(
    load: float, aht_seconds: float, target_sl: float, target_seconds: float, max_occupancy: float
) -> int:
    """Smallest N (before shrinkage) with service level >= target and occupancy <= cap."""
    if not 0 < max_occupancy <= 1:
        raise ValueError("the staffing occupancy cap must be above 0 and at most 100 %")
    if not 0 <= target_sl < 1:
        raise ValueError("the staffing service-level target must be at least 0 and below 100 %")
    if load <= 0:
        return 0
    start = max(math.floor(load), math.ceil(load / max_occupancy - _ROUNDING_SLACK) - 1, 0)
    b0 = erlang_b(start, load)
    for n, b in _erlang_b_from(start, b0, load):
        if n <= load or load / n > max_occupancy + _ROUNDING_SLACK:
            continue
        c = _c_from_b(n, load, b)
        if _sl_from_c(c, n, load, aht_seconds, target_seconds) >= target_sl:
            return n
    raise AssertionError("unreachable: service level tends to 1 as agents grow")  # pragma: no cover


def agents_needed(
    calls: float,
    aht_seconds: float,
    interval_minutes: int,
    target_sl: float,
    target_seconds: float,
    max_occupancy: float,
    shrinkage: float,
) -> int:
    """Agents to schedule for one interval (targets and shrinkage as fractions, e.g. 0.8).

    The smallest N meeting the service level and the occupancy cap, then grossed up for
    shrinkage and rounded up. No calls need no agents.
    """
    load = traffic_erlangs(calls, aht_seconds, interval_minutes)
    n = base_agents(load, aht_seconds, target_sl, target_seconds, max_occupancy)
    return gross_up(n, shrinkage)

import json, sys
from samenspel import simulate
cases = {
  "city-s0": dict(seed=0), "city-s1": dict(seed=1), "town-s2": dict(seed=2, context="town"),
  "combined-s3": dict(seed=3, wijktafels_per_year=10, reflection_per_year=6, reflection_safety=.8, chair_training=.8,
                      hybridisation_model="accessibility_plus", goal_clarity=.9, cultural_sensitivity_training=.5),
  "basis-s4": dict(seed=4, interplay="sociale_basis", hybrid_worker_share=.5),
}
out = {}
for k, kw in cases.items():
    m = simulate(weeks=260, **kw)
    s = m.summary()
    out[k] = {"params": kw, "summary": s, "weekly_tail": m.weekly().iloc[-1].to_dict()}
json.dump(out, open(sys.argv[1], "w"), indent=1, default=float)

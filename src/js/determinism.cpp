// The same script gives the same result every time: Date stands still at
// Limits::now_ms, Math.random is a seeded generator. (Local time is UTC: see
// third_party/quickjs/README.md, local changes.)
#include <cstdint>
#include <string>

#include "js/engine.h"

namespace deckpdf::js {

namespace {

// splitmix64: tiny, fast and good enough for decks that shuffle a list.
JSValue math_random(JSContext* ctx, JSValueConst, int, JSValueConst*) {
  auto* impl = static_cast<Sandbox::Impl*>(JS_GetContextOpaque(ctx));
  uint64_t z = (impl->rng += 0x9E3779B97F4A7C15ull);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
  z ^= z >> 31;
  return JS_NewFloat64(ctx, static_cast<double>(z >> 11) * 0x1.0p-53);
}

// Date wrapped so that no argument means `now`; everything else (new Date(y,
// m, d), Date.UTC, parsing, the prototype) is the engine's own.
constexpr const char* kDatePrelude = R"JS((function (now) {
  'use strict';
  const RealDate = globalThis.Date;  // not `Date`: the function below is hoisted
  function Date(year, month, day, hours, minutes, seconds, ms) {
    if (new.target === undefined) return new RealDate(now).toString();
    const args = arguments.length === 0 ? [now] : Array.prototype.slice.call(arguments);
    return Reflect.construct(RealDate, args, new.target);
  }
  Date.prototype = RealDate.prototype;
  Object.defineProperty(RealDate.prototype, 'constructor',
                        {value: Date, writable: true, configurable: true});
  for (const key of ['UTC', 'parse']) {
    Object.defineProperty(Date, key, {value: RealDate[key], writable: true, configurable: true});
  }
  Object.defineProperty(Date, 'now', {value: function now_() { return now; },
                                      writable: true, configurable: true});
  Object.defineProperty(globalThis, 'Date', {value: Date, writable: true, configurable: true});
}))JS";

}  // namespace

bool install_determinism(Sandbox::Impl& impl) {
  JSContext* ctx = impl.ctx;
  impl.rng = impl.limits.seed;
  JSValue global = JS_GetGlobalObject(ctx);
  JSValue math = JS_GetPropertyStr(ctx, global, "Math");
  bool ok =
      JS_SetPropertyStr(ctx, math, "random", JS_NewCFunction(ctx, math_random, "random", 0)) >= 0;
  JS_FreeValue(ctx, math);
  JS_FreeValue(ctx, global);

  const std::string prelude = kDatePrelude;
  JSValue fn = JS_Eval(ctx, prelude.c_str(), prelude.size(), "<deckpdf>", JS_EVAL_TYPE_GLOBAL);
  JSValue now = JS_NewFloat64(ctx, static_cast<double>(impl.limits.now_ms));
  JSValue rc = JS_IsException(fn) ? JS_EXCEPTION : JS_Call(ctx, fn, JS_UNDEFINED, 1, &now);
  ok = ok && !JS_IsException(rc);
  JS_FreeValue(ctx, rc);
  JS_FreeValue(ctx, fn);
  return ok;
}

}  // namespace deckpdf::js

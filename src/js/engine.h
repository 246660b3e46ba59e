// The internals of js::Sandbox that its files share (not for other stages):
// the engine's runtime and context, the caps' state, and the conversions of
// Values to and from the engine's values.
#pragma once

#include <quickjs/quickjs.h>

#include <chrono>
#include <string>
#include <vector>

#include "js/sandbox.h"

namespace deckpdf::js {

using Clock = std::chrono::steady_clock;

struct Sandbox::Impl {
  Limits limits;
  JSRuntime* rt = nullptr;
  JSContext* ctx = nullptr;
  std::vector<Host> hosts;  // a host function's magic number is its index
  uint64_t rng = 0;         // Math.random's state (splitmix64)
  Clock::duration used{};   // time spent in runs so far, against limits.seconds
  Clock::time_point deadline = Clock::time_point::max();
  bool timed_out = false;      // the interrupt handler stopped the script
  bool out_of_memory = false;  // the allocator refused a block for the cap
};

// Values crossing out of the engine: at most this many in one conversion, and
// nested at most this deep (cycles and huge shared structures stop there).
inline constexpr size_t kMaxValues = size_t{1} << 20;
inline constexpr int kMaxDepth = 200;

// `v` as a Value. False, with a JS exception pending in `ctx`, when a getter
// threw or the value is too large or too deep.
bool from_js(JSContext* ctx, JSValueConst v, Value& out);
// `v` as an engine value (JS_EXCEPTION when the engine is out of memory).
JSValue to_js(JSContext* ctx, const Value& v);

// Date fixed at limits.now_ms, Math.random seeded with limits.seed.
bool install_determinism(Sandbox::Impl& impl);

}  // namespace deckpdf::js

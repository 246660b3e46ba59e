// js::Sandbox: the engine's runtime and context, the caps (memory through our
// allocator, time through the interrupt handler, stack through the engine's
// own check), host functions, globals, and a run's errors.
#include "js/sandbox.h"

#include <malloc.h>

#include <cstdio>
#include <cstdlib>
#include <exception>

#include "js/engine.h"

namespace deckpdf::js {

namespace {

// The C stack one run may use; deeper recursion is a RangeError, never a crash.
constexpr size_t kStackBytes = size_t{1} << 20;
constexpr size_t kMallocOverhead = 8;  // as the engine's own allocator counts

Sandbox::Impl& owner(JSMallocState* s) {
  return *static_cast<Sandbox::Impl*>(s->opaque);
}

// The engine's default allocator, plus a note when the cap refuses a block,
// so that running out of memory is told from a script's own `throw`.
void* cap_malloc(JSMallocState* s, size_t size) {
  if (s->malloc_size + size > s->malloc_limit) {
    owner(s).out_of_memory = true;
    return nullptr;
  }
  void* p = std::malloc(size);
  if (!p) return nullptr;
  s->malloc_count++;
  s->malloc_size += malloc_usable_size(p) + kMallocOverhead;
  return p;
}

void cap_free(JSMallocState* s, void* p) {
  if (!p) return;
  s->malloc_count--;
  s->malloc_size -= malloc_usable_size(p) + kMallocOverhead;
  std::free(p);
}

void* cap_realloc(JSMallocState* s, void* p, size_t size) {
  if (!p) return size == 0 ? nullptr : cap_malloc(s, size);
  size_t old = malloc_usable_size(p);
  if (size == 0) {
    cap_free(s, p);
    return nullptr;
  }
  if (s->malloc_size + size - old > s->malloc_limit) {
    owner(s).out_of_memory = true;
    return nullptr;
  }
  void* q = std::realloc(p, size);
  if (!q) return nullptr;
  s->malloc_size += malloc_usable_size(q);
  s->malloc_size -= old;
  return q;
}

size_t cap_usable_size(const void* p) {
  return malloc_usable_size(const_cast<void*>(p));
}

const JSMallocFunctions kAllocator = {cap_malloc, cap_free, cap_realloc, cap_usable_size};

// Called by the engine every few thousand instructions.
int on_interrupt(JSRuntime*, void* opaque) {
  auto& impl = *static_cast<Sandbox::Impl*>(opaque);
  if (Clock::now() < impl.deadline) return 0;
  impl.timed_out = true;
  return 1;
}

JSValue call_host(JSContext* ctx, JSValueConst, int argc, JSValueConst* argv, int magic) {
  auto& impl = *static_cast<Sandbox::Impl*>(JS_GetContextOpaque(ctx));
  std::vector<Value> args(static_cast<size_t>(argc));
  for (int i = 0; i < argc; ++i) {
    if (!from_js(ctx, argv[i], args[static_cast<size_t>(i)])) return JS_EXCEPTION;
  }
  std::string error;
  Value result;
  try {
    result = impl.hosts[static_cast<size_t>(magic)](args, error);
  } catch (const std::exception& e) {  // never unwind through the engine's C frames
    error = e.what();
  } catch (...) {
    error = "the host function failed";
  }
  if (!error.empty()) {
    JSValue e = JS_NewError(ctx);
    JS_DefinePropertyValueStr(ctx, e, "message", JS_NewStringLen(ctx, error.data(), error.size()),
                              JS_PROP_WRITABLE | JS_PROP_CONFIGURABLE);
    return JS_Throw(ctx, e);
  }
  return to_js(ctx, result);
}

std::string to_string(JSContext* ctx, JSValueConst v) {
  size_t len = 0;
  const char* p = JS_ToCStringLen(ctx, &len, v);
  if (!p) {
    JS_FreeValue(ctx, JS_GetException(ctx));
    return {};
  }
  std::string s(p, len);
  JS_FreeCString(ctx, p);
  return s;
}

// The line and column of the innermost frame in `filename` that has them, in
// the engine's stack text ("    at f (deck.pug:12:7)", "    at deck.pug:3:1").
void position_in(const std::string& stack, const std::string& filename, Error& error) {
  const std::string needle = filename + ":";
  auto number = [&](size_t& p) {
    int n = 0;
    while (p < stack.size() && stack[p] >= '0' && stack[p] <= '9' && n < 100000000) {
      n = n * 10 + (stack[p++] - '0');
    }
    return n;
  };
  for (size_t at = stack.find(needle); at != std::string::npos; at = stack.find(needle, at + 1)) {
    if (at == 0 || (stack[at - 1] != '(' && stack[at - 1] != ' ')) continue;
    size_t p = at + needle.size();
    int line = number(p);
    if (line == 0) continue;
    error.line = line;
    if (p < stack.size() && stack[p] == ':') error.col = number(++p);
    return;
  }
}

std::string format_seconds(double s) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", s);
  return buf;
}

}  // namespace

Sandbox::Sandbox(const Limits& limits) : impl_(std::make_unique<Impl>()) {
  impl_->limits = limits;
  impl_->rt = JS_NewRuntime2(&kAllocator, impl_.get());
  if (!impl_->rt) return;
  JS_SetMemoryLimit(impl_->rt, limits.memory_bytes);
  JS_SetMaxStackSize(impl_->rt, kStackBytes);
  JS_SetInterruptHandler(impl_->rt, on_interrupt, impl_.get());
  impl_->ctx = JS_NewContext(impl_->rt);
  if (!impl_->ctx) return;
  JS_SetContextOpaque(impl_->ctx, impl_.get());
  if (!install_determinism(*impl_)) {
    JS_FreeValue(impl_->ctx, JS_GetException(impl_->ctx));
    JS_FreeContext(impl_->ctx);
    impl_->ctx = nullptr;
  }
}

Sandbox::~Sandbox() {
  if (impl_->ctx) JS_FreeContext(impl_->ctx);
  if (impl_->rt) JS_FreeRuntime(impl_->rt);
}

void Sandbox::define(const std::string& name, Host fn) {
  if (!impl_->ctx) return;
  JSContext* ctx = impl_->ctx;
  impl_->hosts.push_back(std::move(fn));
  int magic = static_cast<int>(impl_->hosts.size() - 1);
  JSValue f = JS_NewCFunctionMagic(ctx, call_host, name.c_str(), 0, JS_CFUNC_generic_magic, magic);
  JSValue global = JS_GetGlobalObject(ctx);
  if (JS_SetPropertyStr(ctx, global, name.c_str(), f) < 0) {
    JS_FreeValue(ctx, JS_GetException(ctx));
  }
  JS_FreeValue(ctx, global);
}

void Sandbox::set_global(const std::string& name, const Value& v) {
  if (!impl_->ctx) return;
  JSContext* ctx = impl_->ctx;
  JSValue global = JS_GetGlobalObject(ctx);
  JSValue value = to_js(ctx, v);
  if (JS_IsException(value) || JS_SetPropertyStr(ctx, global, name.c_str(), value) < 0) {
    JS_FreeValue(ctx, JS_GetException(ctx));
  }
  JS_FreeValue(ctx, global);
}

std::optional<Value> Sandbox::get_global(const std::string& name) {
  if (!impl_->ctx) return std::nullopt;
  JSContext* ctx = impl_->ctx;
  JSValue global = JS_GetGlobalObject(ctx);
  JSAtom atom = JS_NewAtomLen(ctx, name.data(), name.size());
  std::optional<Value> out;
  if (atom != JS_ATOM_NULL && JS_HasProperty(ctx, global, atom) > 0) {
    JSValue v = JS_GetProperty(ctx, global, atom);
    Value value;
    if (!JS_IsException(v) && from_js(ctx, v, value)) out = std::move(value);
    JS_FreeValue(ctx, v);
  }
  if (atom != JS_ATOM_NULL) JS_FreeAtom(ctx, atom);
  if (!out) JS_FreeValue(ctx, JS_GetException(ctx));
  JS_FreeValue(ctx, global);
  return out;
}

std::optional<Value> Sandbox::run(std::string_view code, const std::string& filename,
                                  Error& error) {
  Impl& impl = *impl_;
  JSContext* ctx = impl.ctx;
  if (!ctx) {
    error = {Error::Kind::Memory, "the JavaScript engine could not start within its memory limit"};
    return std::nullopt;
  }
  const auto start = Clock::now();
  const auto budget = std::chrono::duration_cast<Clock::duration>(
      std::chrono::duration<double>(impl.limits.seconds));
  impl.deadline = start + (budget - impl.used);
  impl.timed_out = impl.out_of_memory = false;
  JS_UpdateStackTop(impl.rt);  // runs may come from another thread than the constructor's

  const std::string text(code);  // the engine wants a terminating NUL
  bool compiled = false;
  JSValue fn = JS_Eval(ctx, text.c_str(), text.size(), filename.c_str(),
                       JS_EVAL_TYPE_GLOBAL | JS_EVAL_FLAG_COMPILE_ONLY);
  JSValue result = JS_EXCEPTION;
  if (!JS_IsException(fn)) {
    compiled = true;
    result = JS_EvalFunction(ctx, fn);
  }
  // Promise jobs the script queued run now, under the same caps.
  JSContext* job_ctx = nullptr;
  while (!JS_IsException(result) && JS_IsJobPending(impl.rt)) {
    if (JS_ExecutePendingJob(impl.rt, &job_ctx) < 0) {
      JS_FreeValue(ctx, result);
      result = JS_EXCEPTION;
    }
  }
  std::optional<Value> out;
  if (!JS_IsException(result)) {
    Value value;
    // A script that caught what the time cap threw (a regexp's error) and
    // went on has still run out of time.
    if (!impl.timed_out && from_js(ctx, result, value)) out = std::move(value);
    JS_FreeValue(ctx, result);
  }
  if (!out) {
    JSValue exc = JS_GetException(ctx);
    error = {};
    if (impl.timed_out) {
      error.kind = Error::Kind::Timeout;
      error.message =
          "the script ran longer than the " + format_seconds(impl.limits.seconds) + " s time limit";
    } else if (impl.out_of_memory) {
      error.kind = Error::Kind::Memory;
      error.message = "the script used more than the " +
                      std::to_string(impl.limits.memory_bytes >> 20) + " MiB memory limit";
    } else {
      error.kind = compiled ? Error::Kind::Exception : Error::Kind::Syntax;
      error.message = to_string(ctx, exc);
      if (error.message == "InternalError: stack overflow") {
        error.message = "RangeError: Maximum call stack size exceeded";
      }
    }
    if (JS_IsObject(exc)) {
      JSValue stack = JS_GetPropertyStr(ctx, exc, "stack");
      if (JS_IsString(stack)) position_in(to_string(ctx, stack), filename, error);
      JS_FreeValue(ctx, stack);
    }
    JS_FreeValue(ctx, exc);
  }
  impl.used += Clock::now() - start;
  return out;
}

}  // namespace deckpdf::js

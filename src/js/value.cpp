// js::Value: the JSON-like values that cross the sandbox's boundary, and their
// conversion to and from the engine's values.
#include <cmath>
#include <cstring>

#include "js/engine.h"

namespace deckpdf::js {

const Value* Value::get(std::string_view key) const {
  for (const auto& [k, v] : props) {
    if (k == key) return &v;
  }
  return nullptr;
}

bool Value::operator==(const Value& o) const {
  if (kind != o.kind) return false;
  switch (kind) {
    case Kind::Undefined:
    case Kind::Null: return true;
    case Kind::Bool: return b == o.b;
    case Kind::Number: return n == o.n || (std::isnan(n) && std::isnan(o.n));
    case Kind::String: return s == o.s;
    case Kind::Array: return items == o.items;
    case Kind::Object: return props == o.props;
  }
  return false;
}

namespace {

// One conversion out of the engine, with its budget of values.
class Reader {
 public:
  // At most as many bytes of text as the engine may hold: a string shared a
  // million times in the engine must not become a million copies here.
  explicit Reader(JSContext* ctx)
      : ctx_(ctx),
        max_bytes_(static_cast<Sandbox::Impl*>(JS_GetContextOpaque(ctx))->limits.memory_bytes) {}

  bool read(JSValueConst v, Value& out, int depth) {
    if (++count_ > kMaxValues) {
      JS_ThrowRangeError(ctx_, "the value has more than %zu parts", kMaxValues);
      return false;
    }
    if (depth > kMaxDepth) {
      JS_ThrowRangeError(ctx_, "the value is nested more than %d deep", kMaxDepth);
      return false;
    }
    switch (JS_VALUE_GET_TAG(v)) {
      case JS_TAG_UNDEFINED: out = Value{}; return true;
      case JS_TAG_NULL: out = Value::null(); return true;
      case JS_TAG_BOOL: out = Value::boolean(JS_VALUE_GET_BOOL(v) != 0); return true;
      case JS_TAG_INT: out = Value::number(JS_VALUE_GET_INT(v)); return true;
      case JS_TAG_FLOAT64: out = Value::number(JS_VALUE_GET_FLOAT64(v)); return true;
      case JS_TAG_STRING:
      case JS_TAG_STRING_ROPE: return read_string(v, out);  // a rope: built by concatenation
      case JS_TAG_OBJECT: break;
      default: out = Value{}; return true;  // symbols and the like
    }
    if (JS_IsFunction(ctx_, v)) {
      out = Value{};
      return true;
    }
    int is_array = JS_IsArray(ctx_, v);
    if (is_array < 0) return false;
    return is_array ? read_array(v, out, depth) : read_object(v, out, depth);
  }

 private:
  bool read_string(JSValueConst v, Value& out) {
    size_t len = 0;
    const char* p = JS_ToCStringLen(ctx_, &len, v);
    if (!p) return false;
    bool fits = take(len);
    if (fits) out = Value::string(std::string(p, len));
    JS_FreeCString(ctx_, p);
    return fits;
  }

  bool take(size_t bytes) {
    if (bytes <= max_bytes_ - bytes_) {
      bytes_ += bytes;
      return true;
    }
    JS_ThrowRangeError(ctx_, "the value has more than %zu bytes of text", max_bytes_);
    return false;
  }

  bool read_array(JSValueConst v, Value& out, int depth) {
    int64_t len = 0;
    JSValue len_v = JS_GetPropertyStr(ctx_, v, "length");
    int rc = JS_ToInt64(ctx_, &len, len_v);
    JS_FreeValue(ctx_, len_v);
    if (rc < 0) return false;
    if (len < 0 || static_cast<uint64_t>(len) > kMaxValues - count_) {
      JS_ThrowRangeError(ctx_, "the value has more than %zu parts", kMaxValues);
      return false;
    }
    out = Value::array();
    out.items.resize(static_cast<size_t>(len));
    for (int64_t i = 0; i < len; ++i) {
      JSValue item = JS_GetPropertyUint32(ctx_, v, static_cast<uint32_t>(i));
      if (JS_IsException(item)) return false;
      bool ok = read(item, out.items[static_cast<size_t>(i)], depth + 1);
      JS_FreeValue(ctx_, item);
      if (!ok) return false;
    }
    return true;
  }

  bool read_object(JSValueConst v, Value& out, int depth) {
    JSPropertyEnum* tab = nullptr;
    uint32_t len = 0;
    if (JS_GetOwnPropertyNames(ctx_, &tab, &len, v, JS_GPN_STRING_MASK | JS_GPN_ENUM_ONLY) < 0) {
      return false;
    }
    out = Value::object();
    out.props.reserve(len);
    bool ok = true;
    for (uint32_t i = 0; i < len && ok; ++i) {
      JSValue item = JS_GetProperty(ctx_, v, tab[i].atom);
      const char* key = JS_AtomToCString(ctx_, tab[i].atom);
      ok = !JS_IsException(item) && key && take(std::strlen(key));
      if (ok) {
        out.props.emplace_back(key, Value{});
        ok = read(item, out.props.back().second, depth + 1);
      }
      if (key) JS_FreeCString(ctx_, key);
      JS_FreeValue(ctx_, item);
    }
    for (uint32_t i = 0; i < len; ++i) JS_FreeAtom(ctx_, tab[i].atom);
    js_free(ctx_, tab);
    return ok;
  }

  JSContext* ctx_;
  size_t max_bytes_;
  size_t count_ = 0;
  size_t bytes_ = 0;
};

}  // namespace

bool from_js(JSContext* ctx, JSValueConst v, Value& out) {
  return Reader(ctx).read(v, out, 0);
}

JSValue to_js(JSContext* ctx, const Value& v) {
  switch (v.kind) {
    case Value::Kind::Undefined: return JS_UNDEFINED;
    case Value::Kind::Null: return JS_NULL;
    case Value::Kind::Bool: return JS_NewBool(ctx, v.b);
    case Value::Kind::Number: return JS_NewFloat64(ctx, v.n);
    case Value::Kind::String: return JS_NewStringLen(ctx, v.s.data(), v.s.size());
    case Value::Kind::Array: {
      JSValue arr = JS_NewArray(ctx);
      if (JS_IsException(arr)) return arr;
      for (size_t i = 0; i < v.items.size(); ++i) {
        JSValue item = to_js(ctx, v.items[i]);
        if (JS_IsException(item) || JS_DefinePropertyValueUint32(ctx, arr, static_cast<uint32_t>(i),
                                                                 item, JS_PROP_C_W_E) < 0) {
          JS_FreeValue(ctx, arr);
          return JS_EXCEPTION;
        }
      }
      return arr;
    }
    case Value::Kind::Object: {
      JSValue obj = JS_NewObject(ctx);
      if (JS_IsException(obj)) return obj;
      for (const auto& [key, item_v] : v.props) {
        JSValue item = to_js(ctx, item_v);
        JSAtom atom =
            JS_IsException(item) ? JS_ATOM_NULL : JS_NewAtomLen(ctx, key.data(), key.size());
        // Defined, not set: a setter on Object.prototype must not see the value.
        int rc =
            atom == JS_ATOM_NULL ? -1 : JS_DefinePropertyValue(ctx, obj, atom, item, JS_PROP_C_W_E);
        if (atom != JS_ATOM_NULL)
          JS_FreeAtom(ctx, atom);
        else
          JS_FreeValue(ctx, item);
        if (rc < 0) {
          JS_FreeValue(ctx, obj);
          return JS_EXCEPTION;
        }
      }
      return obj;
    }
  }
  return JS_UNDEFINED;
}

}  // namespace deckpdf::js

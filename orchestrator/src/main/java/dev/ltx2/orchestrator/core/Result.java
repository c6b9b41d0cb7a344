package dev.ltx2.orchestrator.core;

import java.util.function.Function;

/** Either a value or a {@link Failure}; errors as typed results rather than exceptions. */
public sealed interface Result<T> permits Result.Ok, Result.Err {

    record Ok<T>(T value) implements Result<T> {}

    record Err<T>(Failure failure) implements Result<T> {}

    static <T> Result<T> ok(T value) {
        return new Ok<>(value);
    }

    static <T> Result<T> err(Failure failure) {
        return new Err<>(failure);
    }

    default <U> Result<U> then(Function<? super T, Result<U>> next) {
        if (this instanceof Ok<T> ok) {
            return next.apply(ok.value());
        }
        return new Err<>(((Err<T>) this).failure());
    }

    default <U> Result<U> map(Function<? super T, ? extends U> fn) {
        return then(v -> ok(fn.apply(v)));
    }
}

package reactor.core.publisher;

public abstract class Mono<T> { public static <T> Mono<T> fromCallable(java.util.concurrent.Callable<? extends T> supplier) { return null; } public static <T> Mono<T> just(T value) { return null; } public T block() { return null; } public Mono<T> subscribeOn(Object scheduler) { return this; } public <R> Mono<R> map(java.util.function.Function<? super T, ? extends R> mapper) { return null; } public <R> Mono<R> flatMap(java.util.function.Function<? super T, ? extends Mono<? extends R>> mapper) { return null; } }

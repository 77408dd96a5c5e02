package cn.liangxin.opinions.validation;

import java.util.List;
import java.util.function.Function;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;

/**
 * Which page of a list the caller asked for ({@code page} from 0, {@code size} up to
 * {@value #MAX_SIZE}, default {@value #DEFAULT_SIZE}), checked like any input: a list
 * never cuts silently.
 */
public record Paging(int page, int size) {

	public static final int DEFAULT_SIZE = 50;

	public static final int MAX_SIZE = 200;

	/**
	 * The paging of a request's parameters.
	 * @throws InvalidInputException naming {@code page} or {@code size}
	 */
	public static Paging of(Integer page, Integer size) {
		Errors errors = new Errors();
		int p = (page != null) ? page : 0;
		int s = (size != null) ? size : DEFAULT_SIZE;
		if (p < 0) {
			errors.add("page", "min", "page 应为从 0 开始的页码" + Errors.received(page));
		}
		if (s < 1 || s > MAX_SIZE) {
			errors.add("size", "range", "size 应为 1 到 " + MAX_SIZE + " 之间的每页条数" + Errors.received(size));
		}
		errors.throwIfAny();
		return new Paging(p, s);
	}

	public PageRequest request(Sort sort) {
		return PageRequest.of(this.page, this.size, sort);
	}

	/**
	 * One page of a list as the API answers it: the items, the page, its size, the total
	 * count and the number of pages.
	 */
	public record PageView<T>(List<T> content, int page, int size, long totalElements, int totalPages) {

		public static <E, T> PageView<T> of(Page<E> page, Function<E, T> view) {
			return new PageView<>(page.getContent().stream().map(view).toList(), page.getNumber(), page.getSize(),
					page.getTotalElements(), page.getTotalPages());
		}

	}

}

package cn.liangxin.opinions.workflow;

import cn.liangxin.opinions.validation.Problems;
import org.camunda.bpm.engine.AuthorizationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The engine's refusals when the application's own API calls the engine for a person
 * (e.g. registering an opinion): 403 in the one error shape.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class EngineProblems {

	private static final Logger log = LoggerFactory.getLogger(EngineProblems.class);

	@ExceptionHandler(AuthorizationException.class)
	ResponseEntity<ProblemDetail> forbidden(AuthorizationException ex) {
		log.info("Refused by the engine: {}", ex.getMessage());
		return ResponseEntity.status(HttpStatus.FORBIDDEN)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(Problems.of(HttpStatus.FORBIDDEN, null, "forbidden",
					(ex instanceof WriteGuard.WriteRefused) ? ex.getMessage() : "您无权执行此操作"));
	}

}

package cn.liangxin.opinions.validation;

import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description of {@code /api/**} ({@code GET /api/openapi}, for logged-in
 * users), with the one error shape: every operation may answer 400, 401, 403, 404 and 409
 * as {@code application/problem+json} with {@code errors} naming field, rule and a
 * Chinese message ({@link Problems}).
 */
@Configuration(proxyBeanMethods = false)
class OpenApiErrors {

	static final String PROBLEM = "Problem";

	static final Map<String, String> ERRORS = Map.of("400", "提交的信息有误（errors 逐项说明字段和规则）", "401",
			"需要登录（HTTP Basic 或任务清单的会话）", "403", "无权操作", "404", "未找到，或不在您的范围内", "409", "操作冲突，请刷新后重试");

	@Bean
	OpenApiCustomizer problemDetails() {
		return (openApi) -> {
			openApi.info(new Info().title("员工意见办理 API")
				.description("登记、查询员工意见和办理期限；组织、人员与系统管理。错误一律为 application/problem+json。"));
			if (openApi.getComponents() == null) {
				openApi.components(new Components());
			}
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			if (openApi.getPaths() == null) {
				return;
			}
			openApi.getPaths().values().forEach((path) -> path.readOperations().forEach((operation) -> {
				ApiResponses responses = (operation.getResponses() != null) ? operation.getResponses()
						: new ApiResponses();
				ERRORS.forEach((status, description) -> {
					if (!responses.containsKey(status)) {
						responses.addApiResponse(status, new ApiResponse().description(description)
							.content(new Content().addMediaType("application/problem+json",
									new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)))));
					}
				});
				operation.setResponses(responses);
			}));
		};
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		ObjectSchema error = new ObjectSchema();
		error.addProperty("field", new StringSchema().description("字段名；与单个字段无关时为 null").nullable(true));
		error.addProperty("rule", new StringSchema().description("规则，如 required、maxLength、oneOf、forbidden"));
		error.addProperty("message", new StringSchema().description("中文说明"));
		ObjectSchema problem = new ObjectSchema();
		problem.description("RFC 9457 problem details");
		problem.addProperty("type", new StringSchema());
		problem.addProperty("title", new StringSchema().description("中文标题"));
		problem.addProperty("status", new IntegerSchema());
		problem.addProperty("detail", new StringSchema().description("各项错误的说明"));
		problem.addProperty("instance", new StringSchema());
		problem.addProperty("errors", new ArraySchema().items(error));
		return problem;
	}

}

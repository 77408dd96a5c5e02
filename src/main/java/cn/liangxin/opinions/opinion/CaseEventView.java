package cn.liangxin.opinions.opinion;

import java.time.Instant;
import java.time.LocalDate;

/** A {@link CaseEvent} as the API shows it, with Chinese labels. */
record CaseEventView(String kind, String kindLabel, String stage, String stageLabel, Instant at, LocalDate on,
		String actor, LocalDate dueFrom, LocalDate dueTo, String detail) {

	static CaseEventView of(CaseEvent e) {
		Stage stage = (e.getStage() != null) ? Stage.ofCode(e.getStage()) : null;
		return new CaseEventView(e.getKind().name(), e.getKind().label(), e.getStage(),
				(stage != null) ? stage.label() : null, e.getHappenedAt(), e.getHappenedOn(), e.getActor(),
				e.getDueFrom(), e.getDueTo(), e.getDetail());
	}

}

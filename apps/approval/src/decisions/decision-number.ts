import { Column, Entity, PrimaryColumn } from 'typeorm';

/** The last decision number handed out in each series (a department's approvals or refusals of a year). */
@Entity({ name: 'decision_number_series' })
export class DecisionNumberSeries {
  @PrimaryColumn({ type: 'text' })
  series!: string;

  @Column({ name: 'last_value', type: 'int' })
  lastValue!: number;
}

/** The counter of a department's decisions of one kind in one year: numbers restart each year. */
export function decisionSeries(departmentCode: string, outcome: 'approved' | 'refused', year: number): string {
  return `${departmentCode}:${outcome}:${year}`;
}

/**
 * 文书字号 of a decision document: the department's prefix, 许准 (准予) or 许不准 (不予), the year in
 * 〔〕 and the sequence: 东市监许准〔2026〕15号.
 */
export function formatDecisionNumber(prefix: string, outcome: 'approved' | 'refused', year: number, sequence: number): string {
  return `${prefix}${outcome === 'approved' ? '许准' : '许不准'}〔${year}〕${sequence}号`;
}

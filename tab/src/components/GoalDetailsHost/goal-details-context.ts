/** Any view can open a goal's details; the shell owns the one panel that shows them. */
import { createContext, useContext } from "react";

export interface GoalDetailsControls {
  openGoal(goalId: string): void;
}

export const GoalDetailsContext = createContext<GoalDetailsControls | null>(null);

export function useGoalDetails(): GoalDetailsControls {
  const value = useContext(GoalDetailsContext);
  if (!value) throw new Error("useGoalDetails needs a GoalDetailsHost");
  return value;
}

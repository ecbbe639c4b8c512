export {
  type PublishingVelocity,
  type ScheduledArticle,
  type SchedulePublishingInput,
  schedulePublishing,
} from './schedulePublishing.js';

output "vpc_id" {
  description = "ID of the VPC"
  value       = aws_vpc.main.id
}

output "alb_dns_name" {
  description = "DNS name of the Application Load Balancer"
  value       = aws_lb.main.dns_name
}

output "ecs_cluster_name" {
  description = "Name of the ECS cluster"
  value       = aws_ecs_cluster.main.name
}

output "ecr_repository_urls" {
  description = "ECR repository URL of each service"
  value       = { for name, repo in aws_ecr_repository.services : name => repo.repository_url }
}

output "target_group_arns" {
  description = "Target group ARN of each service"
  value       = { for name, tg in aws_lb_target_group.services : name => tg.arn }
}

output "app_mesh_name" {
  description = "Name of the App Mesh"
  value       = aws_appmesh_mesh.main.name
}

output "service_discovery_namespace" {
  description = "Private DNS namespace the services register in"
  value       = aws_service_discovery_private_dns_namespace.main.name
}

output "secret_arns" {
  description = "Secrets Manager ARN of each service's secret"
  value       = { for name, secret in aws_secretsmanager_secret.services : name => secret.arn }
}
